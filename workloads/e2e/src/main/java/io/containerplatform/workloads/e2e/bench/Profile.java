package io.containerplatform.workloads.e2e.bench;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Where a processor's CPU time goes, from a Flight Recorder file ({@code jdk.ExecutionSample}: a thread running Java
 * code, sampled every 10 or 20 ms): each sample counted once, under the innermost frame of the pipeline's own code
 * ({@code io.containerplatform}) on its stack, and under the library its running frame belongs to.
 */
final class Profile {

    private Profile() {
    }

    static String summary(Path recording, int top) throws IOException {
        var byOwnFrame = new HashMap<String, Integer>();
        var byLibrary = new HashMap<String, Integer>();
        int samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
            if (!"jdk.ExecutionSample".equals(event.getEventType().getName()) || event.getStackTrace() == null) {
                continue;
            }
            var frames = event.getStackTrace().getFrames();
            if (frames.isEmpty()) {
                continue;
            }
            samples++;
            byLibrary.merge(library(frames.get(0)), 1, Integer::sum);
            var own = frames.stream().filter(f -> type(f).startsWith("io.containerplatform")).findFirst()
                    .map(f -> simpleName(type(f)) + "." + f.getMethod().getName()).orElse("(outside the pipeline's code: " + library(frames.get(0)) + ")");
            byOwnFrame.merge(own, 1, Integer::sum);
        }
        return samples + " CPU samples\n  by the pipeline's innermost method on the stack:\n" + top(byOwnFrame, samples, top)
                + "\n  by the running code's library:\n" + top(byLibrary, samples, top);
    }

    private static String top(Map<String, Integer> counts, int samples, int top) {
        return counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(top)
                .map(e -> String.format("    %5.1f %%  %s", 100.0 * e.getValue() / samples, e.getKey())).collect(Collectors.joining("\n"));
    }

    private static String type(RecordedFrame frame) {
        return frame.getMethod().getType().getName();
    }

    private static String simpleName(String type) {
        return type.substring(type.lastIndexOf('.') + 1);
    }

    /** The first three parts of the frame's package (its first two for java.* and jdk.*), e.g. com.mongodb.internal. */
    private static String library(RecordedFrame frame) {
        var parts = type(frame).split("\\.");
        int n = parts[0].equals("java") || parts[0].equals("jdk") || parts[0].equals("sun") ? 2 : 3;
        return String.join(".", java.util.Arrays.copyOf(parts, Math.min(n, parts.length - 1)));
    }
}
