package org.plurigrid.console.client.errors;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class ErrorTextTest {

    @Test
    void saysTheMessageWhenThereIsOne() {
        assertThat(ErrorText.of(new IOException("  console.json is not readable \n"))).isEqualTo("console.json is not readable");
    }

    @Test
    void saysTheKindOfFailureWhenTheMessageIsMissingOrBlank() {
        assertThat(ErrorText.of(new NullPointerException())).isEqualTo("NullPointerException");
        assertThat(ErrorText.of(new IllegalStateException("  "))).isEqualTo("IllegalStateException");
    }

    @Test
    void oneLineJoinsTheLines() {
        assertThat(ErrorText.oneLine(new IOException("first line\n   second line\r\nthird"))).isEqualTo(
                "first line second line third");
    }
}
