package org.rebound.planning.psplib;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Reads PSPLIB single-mode {@code .sm} files. Problems name the file, line and reason. */
public final class PsplibReader {

    /** The parsed instance, or why the file is not one. */
    public sealed interface Result {
        record Parsed(RcpspInstance instance) implements Result {
        }

        record Invalid(String file, int line, String reason) implements Result {
            @Override
            public String toString() {
                return file + (line > 0 ? ":" + line : "") + ": " + reason;
            }
        }
    }

    private final String file;
    private final List<String> lines;
    private int at;

    private PsplibReader(String file, List<String> lines) {
        this.file = file;
        this.lines = lines;
    }

    public static Result read(Path path) {
        try {
            return read(path.getFileName().toString(), Files.readAllLines(path, StandardCharsets.ISO_8859_1));
        } catch (NoSuchFileException missing) {
            return new Result.Invalid(path.toString(), 0, "no such file");
        } catch (IOException unreadable) {
            return new Result.Invalid(path.toString(), 0, "cannot read: " + unreadable.getMessage());
        }
    }

    static Result read(String name, List<String> lines) {
        try {
            return new Result.Parsed(new PsplibReader(name, lines).parse());
        } catch (Malformed malformed) {
            return new Result.Invalid(name, malformed.line, malformed.getMessage());
        }
    }

    private static final class Malformed extends Exception {
        private final int line;

        Malformed(int line, String reason) {
            super(reason);
            this.line = line;
        }
    }

    private RcpspInstance parse() throws Malformed {
        int jobs = intAfter("jobs (incl. supersource/sink )");
        int renewable = intAfter("- renewable");
        seek("PRECEDENCE RELATIONS:");
        at += 2;
        int[][] successors = new int[jobs][];
        for (int job = 1; job <= jobs; job++) {
            int[] row = numbers(job);
            if (row.length < 3 || row[0] != job || row.length != 3 + row[2]) {
                throw new Malformed(at + 1, "expected job " + job + " with its modes, successor count and successors");
            }
            if (row[1] != 1) {
                throw new Malformed(at + 1, "job " + job + " has " + row[1] + " modes; only single-mode (.sm) files are supported");
            }
            successors[job - 1] = Arrays.copyOfRange(row, 3, row.length);
            for (int successor : successors[job - 1]) {
                if (successor < 1 || successor > jobs) {
                    throw new Malformed(at + 1, "job " + job + " names successor " + successor + ", which does not exist");
                }
            }
            at++;
        }
        seek("REQUESTS/DURATIONS:");
        at += 3;
        List<RcpspInstance.Job> parsed = new ArrayList<>();
        for (int job = 1; job <= jobs; job++) {
            int[] row = numbers(job);
            if (row.length != 3 + renewable || row[0] != job) {
                throw new Malformed(at + 1, "expected job " + job + ", its mode, duration and " + renewable + " resource requests");
            }
            if (row[2] < 0) {
                throw new Malformed(at + 1, "job " + job + " has a negative duration");
            }
            parsed.add(new RcpspInstance.Job(job, row[2], Arrays.copyOfRange(row, 3, row.length), successors[job - 1]));
            at++;
        }
        seek("RESOURCEAVAILABILITIES:");
        at += 2;
        int[] capacities = numbers(-1);
        if (capacities.length != renewable) {
            throw new Malformed(at + 1, "expected " + renewable + " resource capacities");
        }
        for (RcpspInstance.Job job : parsed) {
            for (int resource = 0; resource < renewable; resource++) {
                if (job.demands()[resource] > capacities[resource]) {
                    throw new Malformed(0, "job " + job.number() + " needs " + job.demands()[resource] + " of resource "
                            + (resource + 1) + ", more than its capacity " + capacities[resource]);
                }
            }
        }
        return new RcpspInstance(file, parsed, capacities);
    }

    private int intAfter(String label) throws Malformed {
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.contains(label)) {
                at = i;
                String value = line.substring(line.indexOf(':') + 1).trim().split("\\s+")[0];
                try {
                    return Integer.parseInt(value);
                } catch (NumberFormatException malformed) {
                    throw new Malformed(i + 1, "expected a number after '" + label + "', got '" + value + "'");
                }
            }
        }
        throw new Malformed(0, "no '" + label + "' line: not a PSPLIB single-mode file");
    }

    private void seek(String heading) throws Malformed {
        for (int i = at; i < lines.size(); i++) {
            if (lines.get(i).startsWith(heading)) {
                at = i;
                return;
            }
        }
        throw new Malformed(0, "no '" + heading + "' section");
    }

    private int[] numbers(int job) throws Malformed {
        if (at >= lines.size()) {
            throw new Malformed(at + 1, "the file ends early" + (job > 0 ? " before job " + job : ""));
        }
        String line = lines.get(at).trim();
        if (line.isEmpty()) {
            return new int[0];
        }
        try {
            return Arrays.stream(line.split("\\s+")).mapToInt(Integer::parseInt).toArray();
        } catch (NumberFormatException malformed) {
            throw new Malformed(at + 1, "expected numbers, got '" + line + "'");
        }
    }

}
