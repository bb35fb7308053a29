package org.mingzhang.api.projects;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** What the closing report records: the results, and each goal of the plan with what it achieved. */
@Schema(name = "ProjectClosing")
public record ClosingResponse(
        @Schema(example = "道路硬化 320 米，已通车") String results,
        List<GoalOutcomeResponse> goalOutcomes,
        @Schema(description = "The name of the user who completed the project", example = "王会计") String completedBy) {

    /** One goal of the plan in force and its outcome. */
    @Schema(name = "GoalOutcome")
    public record GoalOutcomeResponse(@Schema(example = "硬化道路300米") String goal,
                                      @Schema(example = "完成 320 米") String outcome) {
    }
}
