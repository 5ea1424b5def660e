package org.plurigrid.console.client.grid;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads the text of a MATPOWER case file (format version 2) into numeric tables, in one pass over the lines and in
 * time linear in the file's length. It understands {@code mpc.NAME = value;}, matrices {@code mpc.NAME = [ ... ];}
 * (rows split by {@code ;} or line ends, cells by blanks or commas) and cell arrays {@code mpc.NAME = { ... };}
 * (skipped), with {@code %} comments. Every number is checked as it is read: {@code NaN} is refused everywhere,
 * {@code Inf} only where {@link MatpowerTables} allows it; errors name the file and the line.
 */
final class MatpowerParser {

    /** The tables the console reads; other matrices (gencost, areas, ...) are skipped. */
    private static final Set<String> READ = Set.of("bus", "gen", "branch", "dcline");

    /**
     * Largest magnitude of a value outside the limit columns: MATPOWER's own cases stay below 1e5 (MW, Mvar, kV,
     * per unit, bus numbers); a larger value is a broken or hostile file and would overflow the per-unit conversion.
     * Limit columns (where {@code Inf} is allowed) take any finite value, as "no limit".
     */
    static final double MAX_MAGNITUDE = 1e9;

    private final java.nio.file.Path file;
    private final String fileName;
    private final List<MatpowerTables.Row> bus = new ArrayList<>();
    private final List<MatpowerTables.Row> gen = new ArrayList<>();
    private final List<MatpowerTables.Row> branch = new ArrayList<>();
    private final List<MatpowerTables.Row> dcline = new ArrayList<>();
    private double baseMva = Double.NaN;
    private int baseMvaLine;
    private String caseName;

    private MatpowerParser(java.nio.file.Path file) {
        this.file = file;
        this.fileName = String.valueOf(file.getFileName());
    }

    /** Parses {@code in}, the text of {@code file} (named in messages). */
    static MatpowerTables parse(java.nio.file.Path file, Reader in) throws GridImportException, IOException {
        return new MatpowerParser(file).run(in);
    }

    private MatpowerTables run(Reader reader) throws GridImportException, IOException {
        BufferedReader in = reader instanceof BufferedReader b ? b : new BufferedReader(reader, 1 << 16);
        String matrix = null;       // name of the matrix being read, or null
        List<MatpowerTables.Row> target = null;
        int matrixLine = 0;
        int width = -1;
        boolean inCell = false;
        int cellLine = 0;
        String raw;
        int lineNo = 0;
        while ((raw = in.readLine()) != null) {
            lineNo++;
            String line = stripComment(raw);
            if (inCell) {
                if (line.indexOf('}') >= 0) {
                    inCell = false;
                }
                continue;
            }
            int pos = 0;
            if (matrix == null) {
                String t = line.strip();
                if (t.startsWith("function")) {
                    int eq = t.indexOf('=');
                    if (eq > 0 && caseName == null) {
                        caseName = t.substring(eq + 1).strip();
                    }
                    continue;
                }
                if (!t.startsWith("mpc.")) {
                    if (!t.isEmpty() && !t.equals("end") && !t.startsWith("%")) {
                        throw matlabCode(lineNo, t);
                    }
                    continue;
                }
                int eq = t.indexOf('=');
                if (eq < 0) {
                    throw error(lineNo, "expected '=' after " + shorten(t));
                }
                String name = t.substring(4, eq).strip();
                if (!isIdentifier(name)) {
                    throw matlabCode(lineNo, t);
                }
                String rhs = t.substring(eq + 1).strip();
                if (rhs.startsWith("[")) {
                    matrix = name;
                    matrixLine = lineNo;
                    target = switch (name) {
                        case "bus" -> bus;
                        case "gen" -> gen;
                        case "branch" -> branch;
                        case "dcline" -> dcline;
                        default -> null;
                    };
                    if (target != null && !target.isEmpty()) {
                        throw error(lineNo, "mpc." + name + " is defined twice");
                    }
                    width = -1;
                    line = rhs;
                    pos = 1;
                } else if (rhs.startsWith("{")) {
                    inCell = rhs.indexOf('}') < 0;
                    cellLine = lineNo;
                    continue;
                } else {
                    scalar(name, rhs, lineNo);
                    continue;
                }
            }
            // Inside a matrix: rows end at ';' or the line's end, the matrix at ']'.
            int rowStart = pos;
            int n = line.length();
            boolean closed = false;
            for (int i = pos; i <= n; i++) {
                char c = i < n ? line.charAt(i) : ';';
                if (c == ';' || c == ']') {
                    if (target != null) {
                        width = row(matrix, target, line, rowStart, i, lineNo, width);
                    }
                    rowStart = i + 1;
                    if (c == ']') {
                        closed = true;
                        String rest = line.substring(i + 1).strip();
                        if (!rest.isEmpty() && !rest.equals(";")) {
                            throw error(lineNo, "unexpected '" + shorten(rest) + "' after the end of mpc." + matrix);
                        }
                        break;
                    }
                }
            }
            if (closed) {
                matrix = null;
                target = null;
            }
        }
        if (matrix != null) {
            throw error(matrixLine, "mpc." + matrix + " is not closed with '];' (file truncated?)");
        }
        if (inCell) {
            throw error(cellLine, "cell array is not closed with '};' (file truncated?)");
        }
        if (Double.isNaN(baseMva)) {
            throw new GridImportException(file, fileName + ": not a MATPOWER case: mpc.baseMVA is missing", null);
        }
        if (bus.isEmpty()) {
            throw new GridImportException(file, fileName + ": not a MATPOWER case: mpc.bus is missing or empty", null);
        }
        if (branch.isEmpty()) {
            throw new GridImportException(file, fileName + ": not a MATPOWER case: mpc.branch is missing or empty", null);
        }
        return new MatpowerTables(file, caseName != null && isIdentifier(caseName) ? caseName : null,
                baseMva, baseMvaLine, List.copyOf(bus), List.copyOf(gen), List.copyOf(branch), List.copyOf(dcline));
    }

    private void scalar(String name, String rhs, int lineNo) throws GridImportException {
        String v = rhs.endsWith(";") ? rhs.substring(0, rhs.length() - 1).strip() : rhs;
        switch (name) {
            case "baseMVA" -> {
                // A plain number, or a quotient of two (MATPOWER's case533mt files write 50/3).
                int slash = v.indexOf('/');
                double d = slash < 0 ? number(v, lineNo, "mpc.baseMVA", false)
                        : number(v.substring(0, slash).strip(), lineNo, "mpc.baseMVA", false)
                        / number(v.substring(slash + 1).strip(), lineNo, "mpc.baseMVA", false);
                if (!(d > 0) || Double.isInfinite(d)) {
                    throw error(lineNo, "mpc.baseMVA must be above 0, was " + v);
                }
                baseMva = d;
                baseMvaLine = lineNo;
            }
            case "version" -> {
                String version = v.replace("'", "").replace("\"", "").strip();
                if (!version.equals("2")) {
                    throw error(lineNo, "MATPOWER case format version " + shorten(version)
                            + " is not supported (only version 2; MATPOWER's loadcase converts version 1)");
                }
            }
            default -> {
                // Other scalars (e.g. mpc.f for solved cases) carry nothing the console reads.
            }
        }
    }

    /** Parses the cells of one row into {@code target}; returns the matrix's width. */
    private int row(String matrix, List<MatpowerTables.Row> target, String line, int from, int to, int lineNo,
                    int width) throws GridImportException {
        List<String> cells = new ArrayList<>();
        int i = from;
        while (i < to) {
            char c = line.charAt(i);
            if (c == ' ' || c == '\t' || c == ',' || c == '\r') {
                i++;
                continue;
            }
            int start = i;
            while (i < to) {
                char d = line.charAt(i);
                if (d == ' ' || d == '\t' || d == ',' || d == '\r') {
                    break;
                }
                i++;
            }
            cells.add(line.substring(start, i));
        }
        if (cells.isEmpty()) {
            return width;
        }
        if (width >= 0 && cells.size() != width) {
            throw error(lineNo, "mpc." + matrix + " row has " + cells.size() + " columns where the rows above have " + width);
        }
        int min = MatpowerTables.minColumns(matrix);
        if (cells.size() < min) {
            throw error(lineNo, "mpc." + matrix + " row has " + cells.size() + " columns, expected at least " + min);
        }
        double[] values = new double[cells.size()];
        for (int k = 0; k < values.length; k++) {
            values[k] = number(cells.get(k), lineNo, "mpc." + matrix + " column " + (k + 1),
                    MatpowerTables.allowsInfinity(matrix, k));
        }
        target.add(new MatpowerTables.Row(lineNo, values));
        return cells.size();
    }

    /** A decimal number in MATLAB's plain notation ({@code 12}, {@code -0.5}, {@code 1e-3}), or ±Inf where allowed. */
    private double number(String s, int lineNo, String what, boolean infinityAllowed) throws GridImportException {
        String lower = s.toLowerCase(Locale.ROOT);
        if (lower.equals("inf") || lower.equals("+inf") || lower.equals("-inf")) {
            if (!infinityAllowed) {
                throw error(lineNo, what + ": infinite value '" + s + "' is not allowed here");
            }
            return lower.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (!isDecimal(s)) {
            throw error(lineNo, what + ": not a number '" + shorten(s) + "'");
        }
        double d = Double.parseDouble(s);
        if (Double.isInfinite(d)) {
            throw error(lineNo, what + ": '" + shorten(s) + "' is out of range");
        }
        if (Math.abs(d) > MAX_MAGNITUDE && !infinityAllowed) {
            throw error(lineNo, what + ": " + shorten(s) + " is beyond any grid's range (at most 1e9 in magnitude)");
        }
        return d;
    }

    static boolean isDecimal(String s) {
        int i = 0;
        int n = s.length();
        if (n == 0 || n > 64) {
            return false;
        }
        if (s.charAt(0) == '+' || s.charAt(0) == '-') {
            i++;
        }
        int digits = 0;
        while (i < n && Character.isDigit(s.charAt(i)) && s.charAt(i) < 128) {
            i++;
            digits++;
        }
        if (i < n && s.charAt(i) == '.') {
            i++;
            while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return false;
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            int exp = 0;
            while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                i++;
                exp++;
            }
            if (exp == 0) {
                return false;
            }
        }
        return i == n;
    }

    private static boolean isIdentifier(String s) {
        if (s.isEmpty() || s.length() > 63 || !Character.isLetter(s.charAt(0)) || s.charAt(0) > 127) {
            return false;
        }
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c == '_' || (c < 128 && Character.isLetterOrDigit(c)))) {
                return false;
            }
        }
        return true;
    }

    /** Drops a {@code %} comment, leaving {@code %} inside single-quoted strings alone. */
    private static String stripComment(String line) {
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (c == '%' && !quoted) {
                return line.substring(0, i);
            }
        }
        return line;
    }

    private static String shorten(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }

    /** MATLAB code that computes or changes the tables: refused rather than guessed at. */
    private GridImportException matlabCode(int lineNo, String statement) {
        return error(lineNo, "MATLAB code '" + shorten(statement) + "': the console reads MATPOWER case data only;"
                + " load this case in MATPOWER and save it with savecase to get plain data");
    }

    private GridImportException error(int lineNo, String message) {
        return new GridImportException(file, fileName + ", line " + lineNo + ": " + message, null);
    }
}
