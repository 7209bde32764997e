package dev.brickwork.bench;

/** What one side (API or raw) did over all its rounds. */
final class Tally {

    final String name;
    long ok;
    long errors;
    double seconds;
    Cpu cpu = Cpu.ZERO;

    Tally(String name) {
        this.name = name;
    }

    double perSecond() {
        return seconds == 0 ? 0 : ok / seconds;
    }
}
