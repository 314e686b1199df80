package io.muster.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Closed-loop load: a fixed pool of clients, each sending its next request as soon as the last
 * one answered, until a bounded number of requests is done or a time limit passes. Records the
 * latency and the outcome of every request, and the CPU used while the load ran.
 */
final class LoadRunner {

    /** What a request ended in: a label for the report, and whether it counts as done. */
    record Outcome(String label, boolean ok, long bytes, String detail) {

        static Outcome ok(String label) {
            return new Outcome(label, true, 0, null);
        }

        static Outcome ok(String label, long bytes) {
            return new Outcome(label, true, bytes, null);
        }

        /** A refusal or an unexpected answer; the detail (an answer's body) goes into the report. */
        static Outcome failed(String label, String detail) {
            return new Outcome(label, false, 0, detail);
        }
    }

    @FunctionalInterface
    interface Call {
        /** Request number i (0-based, each number once). */
        Outcome run(int i) throws Exception;
    }

    record Result(String name, int clients, int requested, int completed, int ok, long elapsedNanos,
            long[] sortedLatencyNanos, Map<String, Integer> outcomes, boolean stoppedByTimeLimit,
            List<String> sampleErrors, long bytes, CpuMeter.Usage cpu) {

        double seconds() {
            return elapsedNanos / 1e9;
        }

        /** Requests that succeeded per second of wall time. */
        double rate() {
            return elapsedNanos == 0 ? 0 : ok / seconds();
        }

        /** Nearest-rank percentile, in milliseconds. */
        double percentileMillis(double p) {
            if (sortedLatencyNanos.length == 0) {
                return Double.NaN;
            }
            int rank = (int) Math.ceil(p / 100.0 * sortedLatencyNanos.length);
            return sortedLatencyNanos[Math.max(0, Math.min(sortedLatencyNanos.length - 1, rank - 1))] / 1e6;
        }

        double maxMillis() {
            return sortedLatencyNanos.length == 0 ? Double.NaN : sortedLatencyNanos[sortedLatencyNanos.length - 1] / 1e6;
        }

        String outcomeSummary() {
            StringBuilder s = new StringBuilder();
            outcomes.forEach((label, count) -> s.append(s.isEmpty() ? "" : ", ").append(label).append(' ').append(count));
            return s.toString();
        }
    }

    private LoadRunner() {
    }

    private static String abbreviated(String text) {
        String line = text.replaceAll("\\s+", " ");
        return line.length() <= 300 ? line : line.substring(0, 300) + "...";
    }

    static Result run(String name, int clients, int requests, Duration timeLimit, CpuMeter cpu, Call call)
            throws InterruptedException {
        return run(name, clients, requests, timeLimit, cpu, 0, call);
    }

    /**
     * Open-loop load at a fixed rate: request i is sent no earlier than i / ratePerSecond after the
     * start, by whichever of the clients is free, and its latency counts from its sending. Measures
     * how a request fares at a load the system keeps up with, rather than at saturation.
     */
    static Result paced(String name, int clients, int requests, double ratePerSecond, Duration timeLimit, CpuMeter cpu,
            Call call) throws InterruptedException {
        return run(name, clients, requests, timeLimit, cpu, (long) (1e9 / ratePerSecond), call);
    }

    private static Result run(String name, int clients, int requests, Duration timeLimit, CpuMeter cpu,
            long intervalNanos, Call call) throws InterruptedException {
        long[] latencies = new long[requests];
        Arrays.fill(latencies, -1);
        Map<String, Integer> outcomes = new ConcurrentHashMap<>();
        List<String> errors = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger next = new AtomicInteger();
        AtomicInteger ok = new AtomicInteger();
        LongAdder bytes = new LongAdder();
        AtomicInteger threadNumber = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, CpuMeter.CLIENT_THREAD_PREFIX + "load-" + threadNumber.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        ExecutorService pool = Executors.newFixedThreadPool(clients, factory);
        try {
            CpuMeter.Sample before = cpu.sample();
            long start = System.nanoTime();
            long deadline = start + timeLimit.toNanos();
            List<Future<?>> workers = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                workers.add(pool.submit(() -> {
                    while (System.nanoTime() < deadline) {
                        int i = next.getAndIncrement();
                        if (i >= requests) {
                            return;
                        }
                        if (intervalNanos > 0) {
                            long wait = start + i * intervalNanos - System.nanoTime();
                            if (wait > 0) {
                                java.util.concurrent.locks.LockSupport.parkNanos(wait);
                            }
                        }
                        long t0 = System.nanoTime();
                        Outcome outcome;
                        try {
                            outcome = call.run(i);
                        } catch (Exception e) {
                            outcome = Outcome.failed("error " + e.getClass().getSimpleName(), e.toString());
                        }
                        if (!outcome.ok() && outcome.detail() != null && errors.size() < 5) {
                            errors.add("#" + i + " " + outcome.label() + ": " + abbreviated(outcome.detail()));
                        }
                        latencies[i] = System.nanoTime() - t0;
                        outcomes.merge(outcome.label(), 1, Integer::sum);
                        bytes.add(outcome.bytes());
                        if (outcome.ok()) {
                            ok.incrementAndGet();
                        }
                    }
                }));
            }
            for (Future<?> worker : workers) {
                try {
                    worker.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException("A client failed", e.getCause());
                }
            }
            long elapsed = System.nanoTime() - start;
            // sampled while the client threads still live, so their CPU time is counted
            CpuMeter.Usage usage = CpuMeter.between(before, cpu.sample());
            long[] done = Arrays.stream(latencies).filter(l -> l >= 0).sorted().toArray();
            boolean timedOut = done.length < requests;
            return new Result(name, clients, requests, done.length, ok.get(), elapsed, done, new TreeMap<>(outcomes),
                    timedOut, List.copyOf(errors), bytes.sum(), usage);
        } finally {
            pool.shutdownNow();
        }
    }
}
