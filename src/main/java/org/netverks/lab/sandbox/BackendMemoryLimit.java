package org.netverks.lab.sandbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Bounds the memory of every process a postmaster forks from now on, with the operating
 * system's RLIMIT_DATA (set by util-linux {@code prlimit}). Backends inherit their postmaster's
 * limits, so each learner's backend may allocate at most this much private memory; an allocation
 * past it fails and PostgreSQL answers "out of memory" (SQLSTATE 53200), an ordinary ERROR that
 * ends only that statement. Since Linux 4.7 RLIMIT_DATA counts private writable mappings (heap,
 * anonymous mmap), not the shared memory segment where shared_buffers live, so the limit is what
 * one backend takes for itself: sorts, hash tables, aggregates, work_mem however high it is SET.
 */
final class BackendMemoryLimit {

    private BackendMemoryLimit() {}

    /** Applies {@code bytes} (soft and hard) to the postmaster running on {@code dataDirectory}. */
    static void apply(Path dataDirectory, long bytes) throws IOException {
        long pid = postmasterPid(dataDirectory);
        List<String> command = List.of("prlimit", "--pid", Long.toString(pid), "--data=" + bytes + ":" + bytes);
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IOException(
                    "could not run prlimit (util-linux) to bound the sandbox cluster's memory: " + e.getMessage(), e);
        }
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException("prlimit could not bound the memory of PostgreSQL (pid " + pid + "): " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while bounding the sandbox cluster's memory", e);
        }
    }

    /** The current limit of the postmaster, in bytes (-1: unlimited), as the kernel reports it. */
    static long current(Path dataDirectory) throws IOException {
        long pid = postmasterPid(dataDirectory);
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "limits"))) {
            if (line.startsWith("Max data size")) {
                String soft = line.substring("Max data size".length()).strip().split("\\s+")[0];
                return soft.equals("unlimited") ? -1 : Long.parseLong(soft);
            }
        }
        throw new IOException("no data size limit listed for pid " + pid);
    }

    /** The first line of postmaster.pid, which PostgreSQL writes at start and removes at shutdown. */
    static long postmasterPid(Path dataDirectory) throws IOException {
        List<String> lines = Files.readAllLines(dataDirectory.resolve("postmaster.pid"));
        try {
            return Long.parseLong(lines.get(0).strip());
        } catch (RuntimeException e) {
            throw new IOException("postmaster.pid in " + dataDirectory + " does not start with a process id", e);
        }
    }
}
