package fr.vigie.cli;

/** Entry point of the {@code vigie} command. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.out.println("vigie");
    }
}
