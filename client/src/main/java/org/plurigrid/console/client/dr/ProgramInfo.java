package org.plurigrid.console.client.dr;

import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A DR program as its contract reports it ({@code {"program":{}}}): limits, pool, reward, targets and the participants
 * (a device or site id → the owner account paid at settlement).
 */
public record ProgramInfo(String contract, String programId, String programName, List<String> operators, String denom,
                          BigInteger pool, BigInteger rewardPerKwh, Optional<Double> maxKw, Optional<Duration> maxDuration,
                          List<String> targets, Map<String, String> participants) {
    public ProgramInfo {
        operators = List.copyOf(operators);
        targets = List.copyOf(targets);
        participants = Map.copyOf(participants);
    }

    /** Why this request is beyond the program's limits, or empty when it is within them. */
    public Optional<String> refusal(DispatchRequest r) {
        if (maxKw.isPresent() && r.valueKw().isPresent() && Math.abs(r.valueKw().get()) > maxKw.get()) {
            return Optional.of("Refused: " + r.value() + " " + r.units() + " is beyond program " + programId + "'s limit of "
                    + maxKw.get() + " KW");
        }
        if (maxDuration.isPresent() && r.duration().compareTo(maxDuration.get()) > 0) {
            return Optional.of("Refused: " + r.duration() + " is longer than program " + programId + "'s limit of " + maxDuration.get());
        }
        if (!targets.isEmpty() && !targets.contains(r.target())) {
            return Optional.of("Refused: target " + r.target() + " is not in program " + programId + " (" + targets + ")");
        }
        return Optional.empty();
    }

    /** The program as an OpenADR 3.1 program (for export). */
    public DrProgram toOpenAdr(java.time.Instant created) {
        return new DrProgram(programId, programName, created, created, Optional.empty(),
                java.util.Arrays.stream(PayloadType.values()).map(t -> new PayloadDescriptor(t, "KW")).toList(), targets);
    }
}
