package org.plurigrid.console.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The {@link PacedPublisher} in a JVM of its own, so that a benchmark of the console measures the console: in a control
 * room the devices publishing telemetry are elsewhere, and a publisher in the console's JVM adds its garbage and its
 * threads to the console's pauses. The parent talks to it in lines: it sends {@code births} or
 * {@code paced RATE MILLIS}, the child answers with the number of messages sent; {@code quit} ends it.
 */
final class PublisherProcess implements AutoCloseable {

    private final Process process;
    private final PrintWriter to;
    private final BufferedReader from;

    private PublisherProcess(Process process) {
        this.process = process;
        this.to = new PrintWriter(process.outputWriter(StandardCharsets.UTF_8), true);
        this.from = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    /** Starts a child JVM (this JVM's java and class path, the heap given) publishing a stream of the given shape. */
    static PublisherProcess start(String uri, int nodes, int devices, String heap) throws IOException {
        return start(uri, nodes, devices, heap, 0);
    }

    /** @param nice the child's niceness (0: as this JVM), so devices that live elsewhere take only spare CPU */
    static PublisherProcess start(String uri, int nodes, int devices, String heap, int nice) throws IOException {
        List<String> cmd = new ArrayList<>();
        if (nice > 0) {
            cmd.addAll(List.of("nice", "-n", Integer.toString(nice)));
        }
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx" + heap);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(PublisherProcess.class.getName());
        cmd.add(uri);
        cmd.add(Integer.toString(nodes));
        cmd.add(Integer.toString(devices));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        return new PublisherProcess(p);
    }

    long births() throws IOException {
        return ask("births");
    }

    /** Publishes at {@code perSecond} until {@code endNanos} of this JVM's {@link System#nanoTime()}; the count sent. */
    long paced(int perSecond, long endNanos) throws IOException {
        long millis = Math.max(0, TimeUnit.NANOSECONDS.toMillis(endNanos - System.nanoTime()));
        return ask("paced " + perSecond + " " + millis);
    }

    private long ask(String command) throws IOException {
        to.println(command);
        String answer = from.readLine();
        if (answer == null) {
            throw new IOException("the publisher process ended (exit " + (process.isAlive() ? "?" : process.exitValue())
                    + ") instead of answering '" + command + "'");
        }
        return Long.parseLong(answer.strip());
    }

    @Override
    public void close() throws InterruptedException {
        to.println("quit");
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    /** The child: {@code URI NODES DEVICES}, then commands on stdin, one answer per line on stdout. */
    public static void main(String[] args) throws Exception {
        SparkplugStream stream = new SparkplugStream(Integer.parseInt(args[1]), Integer.parseInt(args[2]));
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        try (PacedPublisher publisher = new PacedPublisher(args[0], stream, "ui-pulse-publisher")) {
            String line;
            while ((line = in.readLine()) != null) {
                String[] c = line.strip().split(" ");
                long answer;
                switch (c[0]) {
                    case "births" -> answer = publisher.births();
                    case "paced" -> answer = publisher.paced(Integer.parseInt(c[1]),
                            System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(Long.parseLong(c[2])));
                    case "quit" -> {
                        return;
                    }
                    default -> throw new IllegalArgumentException("unknown command " + line);
                }
                System.out.println(answer);
                System.out.flush();
            }
        } finally {
            System.exit(0); // Paho leaves non-daemon threads behind
        }
    }
}
