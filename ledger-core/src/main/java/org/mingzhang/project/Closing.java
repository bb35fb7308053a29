package org.mingzhang.project;

import java.util.List;
import org.mingzhang.user.Actor;

/**
 * What the closing report (《社区基金项目结项报告》) records when a project is completed: the results, and
 * what was achieved against each goal of the plan, in the plan's order.
 */
public record Closing(String results, List<String> goalOutcomes, Actor completedBy) {

    public static final int RESULTS_LENGTH_MAX = 4000;
    public static final int OUTCOME_LENGTH_MAX = 1000;

    public Closing {
        goalOutcomes = List.copyOf(goalOutcomes);
        if (results == null || results.isBlank() || results.length() > RESULTS_LENGTH_MAX) {
            throw new IllegalArgumentException("results must have 1 to " + RESULTS_LENGTH_MAX + " characters");
        }
        for (String outcome : goalOutcomes) {
            if (outcome == null || outcome.isBlank() || outcome.length() > OUTCOME_LENGTH_MAX) {
                throw new IllegalArgumentException("a goal outcome must have 1 to " + OUTCOME_LENGTH_MAX + " characters");
            }
        }
    }
}
