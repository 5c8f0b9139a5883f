package io.containerplatform.workloads.processor;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.DoubleAdder;

/** The processor's Prometheus metrics, in the text exposition format. */
final class Metrics {

    final AtomicLong processed = new AtomicLong();
    final AtomicLong invalid = new AtomicLong();
    final AtomicLong duplicates = new AtomicLong();
    final AtomicLong batches = new AtomicLong();
    final AtomicLong batchEvents = new AtomicLong();
    final DoubleAdder batchSeconds = new DoubleAdder();
    final AtomicLong queueLag = new AtomicLong();

    void batch(int size, double seconds) {
        batches.incrementAndGet();
        batchEvents.addAndGet(size);
        batchSeconds.add(seconds);
    }

    String render() {
        return """
                # HELP pipeline_events_processed_total Valid events stored for the first time.
                # TYPE pipeline_events_processed_total counter
                pipeline_events_processed_total %d
                # HELP pipeline_events_invalid_total Messages sent to the dead-letter queue.
                # TYPE pipeline_events_invalid_total counter
                pipeline_events_invalid_total %d
                # HELP pipeline_events_duplicate_total Valid events whose id was already stored (redelivery or duplicate).
                # TYPE pipeline_events_duplicate_total counter
                pipeline_events_duplicate_total %d
                # HELP pipeline_batch_size Messages per micro-batch.
                # TYPE pipeline_batch_size summary
                pipeline_batch_size_count %d
                pipeline_batch_size_sum %d
                # HELP pipeline_batch_duration_seconds Time from a batch's first message to its acknowledgement.
                # TYPE pipeline_batch_duration_seconds summary
                pipeline_batch_duration_seconds_count %d
                pipeline_batch_duration_seconds_sum %.6f
                # HELP pipeline_queue_lag_messages Ready messages in the queue, asked at most once a second after a batch.
                # TYPE pipeline_queue_lag_messages gauge
                pipeline_queue_lag_messages %d
                """.formatted(processed.get(), invalid.get(), duplicates.get(), batches.get(), batchEvents.get(), batches.get(),
                batchSeconds.sum(), queueLag.get());
    }
}
