package org.plurigrid.console.client.dr;

import java.util.Objects;

/**
 * What the console does per DR program beyond the contract ({@code console.json}, {@code demandResponse.programs}):
 * {@code submitPower} also records each event's delivered power with Plurigrid's {@code /grid.grid.MsgSubmitPower}, in
 * the transaction that reports delivery.
 */
public record DrProgramSettings(String programId, boolean submitPower) {

    public DrProgramSettings {
        Objects.requireNonNull(programId, "programId");
        if (programId.isBlank()) {
            throw new IllegalArgumentException("a program id is needed");
        }
    }
}
