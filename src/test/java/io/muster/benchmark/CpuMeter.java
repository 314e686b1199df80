package io.muster.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CPU time spent between two samples: this JVM (the application and the load generator in it),
 * split by kind of thread, the PostgreSQL server (its postmaster and every backend) and the
 * whole machine. Linux only (/proc); elsewhere the PostgreSQL and machine figures stay zero.
 */
final class CpuMeter {

    /** Linux reports /proc times in USER_HZ ticks, 100 per second on every common platform. */
    private static final double TICKS_PER_SECOND = 100.0;

    /** Threads of the load generator: its client pools (named so) and the JDK HTTP client's own. */
    static final String CLIENT_THREAD_PREFIX = "bench-";
    private static final String JDK_HTTP_CLIENT_THREAD_PREFIX = "HttpClient-";

    private final long postmasterPid;
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

    CpuMeter(long postmasterPid) {
        this.postmasterPid = postmasterPid;
    }

    /** threadNanos: CPU time of each live thread (by id), with its category. */
    record Sample(long wallNanos, long jvmNanos, Map<Long, ThreadTime> threadNanos, long postgresTicks,
            long machineBusyTicks) {
    }

    record ThreadTime(String category, long nanos) {
    }

    /** Cores kept busy on average over an interval (1.0 = one core all the time). */
    record Usage(double seconds, double jvm, Map<String, Double> threads, double postgres, double machine) {

        String describe(int cores) {
            StringBuilder split = new StringBuilder();
            double named = 0;
            for (Map.Entry<String, Double> e : threads.entrySet()) {
                if (e.getValue() >= 0.005) {
                    split.append(split.isEmpty() ? "" : ", ").append(String.format("%s %.2f", e.getKey(), e.getValue()));
                }
                named += e.getValue();
            }
            split.append(String.format(", GC/JIT/short-lived threads (the test mail server's connections too) %.2f",
                    Math.max(0, jvm - named)));
            return String.format("JVM %.2f (%s); PostgreSQL %.2f; whole machine %.2f of %d%s", jvm, split, postgres,
                    machine, cores, machine > jvm + postgres + 0.3 ? " (other processes busy too)" : "");
        }
    }

    static final String REQUESTS = "HTTP requests";
    static final String JOBS = "job executor (mails)";
    static final String MAIL_SERVER = "test mail server";
    static final String LOAD_GENERATOR = "load generator";
    static final String OTHER = "other threads";

    static String category(String threadName) {
        if (threadName.startsWith("http-nio")) {
            return REQUESTS;
        }
        if (threadName.startsWith("camundaTaskExecutor") || threadName.startsWith("JobExecutor")) {
            return JOBS;
        }
        if (threadName.startsWith("smtp") || threadName.startsWith("imap")) {
            return MAIL_SERVER;
        }
        if (threadName.startsWith(CLIENT_THREAD_PREFIX) || threadName.startsWith(JDK_HTTP_CLIENT_THREAD_PREFIX)) {
            return LOAD_GENERATOR;
        }
        return OTHER;
    }

    Sample sample() {
        return new Sample(System.nanoTime(), jvmCpuNanos(), threadCpuNanos(), postgresTicks(), machineBusyTicks());
    }

    static Usage between(Sample a, Sample b) {
        double seconds = (b.wallNanos() - a.wallNanos()) / 1e9;
        if (seconds <= 0) {
            return new Usage(0, 0, Map.of(), 0, 0);
        }
        Map<String, Long> nanos = new HashMap<>();
        b.threadNanos().forEach((id, t) -> {
            ThreadTime before = a.threadNanos().get(id);
            nanos.merge(t.category(), t.nanos() - (before == null ? 0 : before.nanos()), Long::sum);
        });
        Map<String, Double> threads = new LinkedHashMap<>();
        for (String category : List.of(REQUESTS, JOBS, MAIL_SERVER, LOAD_GENERATOR, OTHER)) {
            threads.put(category, Math.max(0, nanos.getOrDefault(category, 0L)) / 1e9 / seconds);
        }
        return new Usage(seconds,
                (b.jvmNanos() - a.jvmNanos()) / 1e9 / seconds,
                threads,
                (b.postgresTicks() - a.postgresTicks()) / TICKS_PER_SECOND / seconds,
                (b.machineBusyTicks() - a.machineBusyTicks()) / TICKS_PER_SECOND / seconds);
    }

    private static long jvmCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return 0;
    }

    /**
     * CPU time of each live thread. A thread that ends between two samples takes its time with
     * it (it shows under GC/JIT/short-lived); client pools are sampled before they are shut down.
     */
    private Map<Long, ThreadTime> threadCpuNanos() {
        Map<Long, ThreadTime> times = new HashMap<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            long cpu = threads.getThreadCpuTime(t.getId());
            if (cpu > 0) {
                times.put(t.getId(), new ThreadTime(category(t.getName()), cpu));
            }
        }
        return times;
    }

    /**
     * The postmaster's own time and that of its reaped children, plus every live child: a
     * backend that exits between two samples moves from the second part to the first.
     */
    private long postgresTicks() {
        long[] postmaster = stat(postmasterPid);
        if (postmaster == null) {
            return 0;
        }
        long sum = postmaster[1] + postmaster[2] + postmaster[3] + postmaster[4];
        try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path proc : procs) {
                long[] s = stat(Long.parseLong(proc.getFileName().toString()));
                if (s != null && s[0] == postmasterPid) {
                    sum += s[1] + s[2];
                }
            }
        } catch (IOException | RuntimeException e) {
            return sum;
        }
        return sum;
    }

    /** ppid, utime, stime, cutime, cstime of a process, or null when it is gone. */
    static long[] stat(long pid) {
        try {
            String line = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // the command name may hold spaces and parentheses: fields start after the last ')'
            String[] f = line.substring(line.lastIndexOf(')') + 2).trim().split(" ");
            return new long[] {Long.parseLong(f[1]), Long.parseLong(f[11]), Long.parseLong(f[12]),
                    Long.parseLong(f[13]), Long.parseLong(f[14])};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static long machineBusyTicks() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            // user nice system idle iowait irq softirq steal
            for (int i = 1; i <= 8 && i < f.length; i++) {
                if (i != 4 && i != 5) {
                    busy += Long.parseLong(f[i]);
                }
            }
            return busy;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
