package io.containerplatform.workloads.producer;

import io.containerplatform.workloads.event.Settings;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code java -jar producer.jar --count N --rate R [--duplicates P] [--invalid P] [--seed S]}: publishes N
 * messages at R per second (0: as fast as confirmed), a share P of duplicates and a share P of invalid ones,
 * with the same {@code RABBITMQ_*} variables as the processor and {@code RABBITMQ_EXCHANGE}, the exchange it
 * publishes to (default {@code <RABBITMQ_QUEUE>.in}, the platform's); prints what it sent.
 */
public final class ProducerMain {

    private ProducerMain() {
    }

    /** The command line, checked: every problem names the option. */
    record Options(int count, double rate, double duplicates, double invalid, long seed) {

        static Options parse(String[] args, List<String> errors) {
            int count = -1;
            double rate = -1;
            double duplicates = 0;
            double invalid = 0;
            long seed = 1;
            for (int i = 0; i < args.length; i++) {
                var option = args[i];
                var value = i + 1 < args.length ? args[++i] : null;
                try {
                    switch (option) {
                        case "--count" -> count = Integer.parseInt(value);
                        case "--rate" -> rate = Double.parseDouble(value);
                        case "--duplicates" -> duplicates = Double.parseDouble(value);
                        case "--invalid" -> invalid = Double.parseDouble(value);
                        case "--seed" -> seed = Long.parseLong(value);
                        default -> errors.add(option + ": unknown option; allowed: --count, --rate, --duplicates, --invalid, --seed");
                    }
                } catch (NumberFormatException | NullPointerException e) {
                    errors.add(option + ": \"" + value + "\" is not a number");
                }
            }
            if (count < 1) {
                errors.add("--count: required, a whole number of messages of at least 1");
            }
            if (rate < 0) {
                errors.add("--rate: required, messages per second (0: as fast as the broker confirms)");
            }
            if (duplicates < 0 || invalid < 0 || duplicates + invalid > 1) {
                errors.add("--duplicates/--invalid: shares from 0 to 1 whose sum is at most 1");
            }
            return new Options(count, rate, duplicates, invalid, seed);
        }
    }

    public static void main(String[] args) throws Exception {
        var errors = new ArrayList<String>();
        var options = Options.parse(args, errors);
        var settings = new Settings(System.getenv());
        var factory = settings.rabbitMq();
        var queue = settings.queue();
        var exchange = settings.exchange(queue);
        errors.addAll(settings.errors());
        if (!errors.isEmpty()) {
            System.err.println("usage: java -jar producer.jar --count N --rate R [--duplicates P] [--invalid P] [--seed S]\n  - "
                    + String.join("\n  - ", errors));
            System.exit(2);
        }
        try (var connection = factory.newConnection("pipeline-producer")) {
            var report = new Producer(connection, exchange, queue)
                    .publish(options.count(), options.rate(), options.duplicates(), options.invalid(), options.seed());
            System.out.println(report);
        }
    }
}
