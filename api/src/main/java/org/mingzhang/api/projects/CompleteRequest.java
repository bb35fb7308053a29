package org.mingzhang.api.projects;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.mingzhang.project.Closing;

/** The closing results (结项): what the project achieved, and one outcome per goal of the plan, in its order. */
@Schema(name = "CompleteProjectRequest")
public record CompleteRequest(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = Closing.RESULTS_LENGTH_MAX,
                example = "道路硬化 320 米，已通车") String results,
        @ArraySchema(schema = @Schema(maxLength = Closing.OUTCOME_LENGTH_MAX, example = "完成 320 米"))
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "As many as the plan has goals, in the same order")
        List<String> goalOutcomes) {
}
