package org.plurigrid.console.devnet.grid;

import com.powsybl.iidm.network.Branch;
import com.powsybl.iidm.network.Network;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The demo supergrid's planned branch ratings, read from the resource {@value #RESOURCE} that the rating planner
 * ({@code org.plurigrid.console.devnet.gridplanning.RatingPlanner}) derives from an N-1 sweep over the EMS's operating
 * range. Applying them is a table look-up, so building the grid stays fast; the sweep itself runs offline.
 * See docs/demo-supergrid.md in this package's folder for the rule and the command that regenerates the table.
 */
public final class BranchRatings {

    /** Class-path resource of the demo supergrid's ratings. */
    public static final String RESOURCE = "demo-supergrid-ratings.csv";
    static final String HEADER = "branch,kind,rating,unit,limit1A,limit2A,baseMaxA,n1MaxA,worstOutage,basis";

    /** Why a branch has the rating it has. */
    public enum Basis {
        /** the highest base-case current of the operating range at the planning loading */
        BASE_CASE,
        /** the highest current after any single outage over the operating range, under the N-1 ceiling */
        N_MINUS_1,
        /** the smallest standard rating of its voltage class */
        MINIMUM,
        /** a documented weak spot: rated for the base case only, not N-1 secure */
        WEAK_SPOT
    }

    /**
     * One branch's rating.
     *
     * @param rating      the standard rating chosen (A for a line, MVA for a transformer, see {@code unit})
     * @param limit1A     permanent current limit on side 1, A
     * @param limit2A     permanent current limit on side 2, A
     * @param baseMaxA    highest base-case current over the operating range (either side), A
     * @param n1MaxA      highest current after a single outage over the operating range (either side), A
     * @param worstOutage the outage giving {@code n1MaxA} ("-" if none)
     */
    public record Rating(String branchId, String kind, double rating, String unit, double limit1A, double limit2A,
                         double baseMaxA, double n1MaxA, String worstOutage, Basis basis) {
        public Rating {
            Objects.requireNonNull(branchId, "branchId");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(unit, "unit");
            Objects.requireNonNull(worstOutage, "worstOutage");
            Objects.requireNonNull(basis, "basis");
            if (!(limit1A > 0) || !(limit2A > 0)) {
                throw new IllegalArgumentException("limits must be positive for " + branchId);
            }
        }

        String toCsv() {
            return String.join(",", branchId, kind, fmt(rating), unit, fmt(limit1A), fmt(limit2A), fmt(baseMaxA),
                    fmt(n1MaxA), worstOutage, basis.name());
        }

        static Rating parse(String line) {
            String[] f = line.split(",", -1);
            if (f.length != 10) {
                throw new IllegalArgumentException("expected 10 fields: " + line);
            }
            return new Rating(f[0], f[1], Double.parseDouble(f[2]), f[3], Double.parseDouble(f[4]),
                    Double.parseDouble(f[5]), Double.parseDouble(f[6]), Double.parseDouble(f[7]), f[8],
                    Basis.valueOf(f[9]));
        }
    }

    private final Map<String, Rating> byBranch;

    public BranchRatings(Collection<Rating> ratings) {
        Map<String, Rating> m = new LinkedHashMap<>();
        for (Rating r : ratings) {
            if (m.put(r.branchId(), r) != null) {
                throw new IllegalArgumentException("duplicate rating for " + r.branchId());
            }
        }
        this.byBranch = Map.copyOf(m);
    }

    /** The demo supergrid's ratings from the class path. */
    public static BranchRatings demo() {
        try (InputStream in = BranchRatings.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE + " next to " + BranchRatings.class.getName());
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static BranchRatings read(InputStream in) throws IOException {
        List<Rating> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#") || line.equals(HEADER)) {
                    continue;
                }
                out.add(Rating.parse(line));
            }
        }
        return new BranchRatings(out);
    }

    /** The table as the resource stores it, after {@code comments} (each line gets a leading "# "). */
    public String toCsv(List<String> comments) {
        StringBuilder sb = new StringBuilder();
        comments.forEach(c -> sb.append("# ").append(c).append('\n'));
        sb.append(HEADER).append('\n');
        byBranch.values().stream().sorted(java.util.Comparator.comparing(Rating::branchId))
                .forEach(r -> sb.append(r.toCsv()).append('\n'));
        return sb.toString();
    }

    public Optional<Rating> of(String branchId) {
        return Optional.ofNullable(byBranch.get(branchId));
    }

    public Collection<Rating> all() {
        return byBranch.values();
    }

    /** Ids of the documented weak spots. */
    public Set<String> weakSpots() {
        Set<String> out = new TreeSet<>();
        byBranch.values().stream().filter(r -> r.basis() == Basis.WEAK_SPOT).forEach(r -> out.add(r.branchId()));
        return out;
    }

    /**
     * Sets every branch's permanent current limits (both sides) from the table.
     *
     * @throws IllegalStateException if the network and the table do not list the same branches (the table is stale:
     *                               regenerate it with the planner)
     */
    public void applyTo(Network network) {
        Set<String> missing = new TreeSet<>();
        Set<String> seen = new TreeSet<>();
        network.getBranchStream().forEach(b -> {
            Rating r = byBranch.get(b.getId());
            if (r == null) {
                missing.add(b.getId());
                return;
            }
            seen.add(b.getId());
            setLimits(b, r.limit1A(), r.limit2A());
        });
        if (!missing.isEmpty() || seen.size() != byBranch.size()) {
            Set<String> extra = new TreeSet<>(byBranch.keySet());
            extra.removeAll(seen);
            throw new IllegalStateException("branch ratings do not match the network (regenerate " + RESOURCE
                    + "): unrated " + head(missing) + ", unknown " + head(extra));
        }
    }

    static void setLimits(Branch<?> b, double limit1A, double limit2A) {
        b.getOrCreateSelectedOperationalLimitsGroup1().newCurrentLimits().setPermanentLimit(limit1A).add();
        b.getOrCreateSelectedOperationalLimitsGroup2().newCurrentLimits().setPermanentLimit(limit2A).add();
    }

    private static String head(Set<String> ids) {
        return ids.size() <= 5 ? ids.toString() : ids.stream().limit(5).toList() + " and " + (ids.size() - 5) + " more";
    }

    private static String fmt(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
