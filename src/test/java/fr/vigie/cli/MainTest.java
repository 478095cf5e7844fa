package fr.vigie.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MainTest {
    @Test
    void mainExists() {
        assertThat(Main.class).isFinal();
    }
}
