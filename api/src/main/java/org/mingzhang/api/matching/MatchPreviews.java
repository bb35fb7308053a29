package org.mingzhang.api.matching;

import jakarta.inject.Singleton;
import org.mingzhang.matching.MatchingReads;
import org.mingzhang.matching.ProjectMatch;

/**
 * A project's match in short, for other answers to carry (a donation's {@code matchPreview}): computed by
 * the same reads as {@code GET /projects/{code}/match}, so the two never disagree.
 */
@Singleton
public final class MatchPreviews {

    private final MatchingReads reads;
    private final MatchingViews views;

    public MatchPreviews(MatchingReads reads, MatchingViews views) {
        this.reads = reads;
        this.views = views;
    }

    /** The preview of a match the writer answered with (a gift's); null for none. */
    public MatchPreviewResponse of(String projectCode, ProjectMatch match) {
        return match == null ? null : views.preview(projectCode, match);
    }

    /** The match of this project as it stands now; null when the project is unknown or names no existing pool. */
    public MatchPreviewResponse preview(String projectCode) {
        if (projectCode == null) {
            return null;
        }
        return reads.project(projectCode).map(m -> views.preview(projectCode, m)).orElse(null);
    }
}
