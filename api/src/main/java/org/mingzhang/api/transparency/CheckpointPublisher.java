package org.mingzhang.api.transparency;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.mingzhang.transparency.PublishedCheckpoint;
import org.mingzhang.transparency.TransparencyLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the log's checkpoints besides the accountant's on-demand ones: after a fund's period or year is closed, and
 * daily while the journal grows (checked every hour, and once soon after start). A failure here never fails the close
 * that asked for it: the books are closed either way, and the next hourly check publishes what is due.
 */
@Singleton
public final class CheckpointPublisher {

    private static final Logger LOG = LoggerFactory.getLogger(CheckpointPublisher.class);

    private final TransparencyLog log;

    public CheckpointPublisher(TransparencyLog log) {
        this.log = log;
    }

    /** A checkpoint of the books as they are once a period or a year is closed. */
    public void afterClose(String fundCode) {
        try {
            TransparencyLog.Published p = log.publish(PublishedCheckpoint.Reason.PERIOD_CLOSE);
            if (p.isNew()) {
                LOG.info("Checkpoint of {} transactions published after closing the books of {}", p.checkpoint().size(), fundCode);
            }
        } catch (RuntimeException e) {
            LOG.error("Checkpoint after closing the books of {} not published (the hourly check will publish it)", fundCode, e);
        }
    }

    @Scheduled(fixedDelay = "1h", initialDelay = "1m")
    void daily() {
        try {
            Optional<PublishedCheckpoint> published = log.publishDailyIfDue();
            published.ifPresent(c -> LOG.info("Daily checkpoint of {} transactions published", c.size()));
        } catch (RuntimeException e) {
            LOG.error("Daily checkpoint not published; trying again in an hour", e);
        }
    }
}
