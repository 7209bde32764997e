package dev.brickwork.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * CPU time in clock ticks, from /proc (Linux only; figures that cannot be read print as "?"): the server
 * process, the PostgreSQL backends serving the benchmark database, this client, and the whole machine. "rest" is
 * everything else that ran meanwhile: PostgreSQL's background processes, other databases' backends, other
 * people's builds and tests.
 */
record Cpu(long server, long postgres, long client, long machine) {

    static final Cpu ZERO = new Cpu(0, 0, 0, 0);
    static final double TICKS = 100;

    /** Samples now; {@code serverPid} 0 leaves the server out, {@code database} picks the PostgreSQL backends. */
    static Cpu sample(long serverPid, String database) {
        long server = serverPid > 0 ? ticks(serverPid) : -1;
        long client = ticks(ProcessHandle.current().pid());
        long postgres = 0;
        try (var dirs = Files.list(Path.of("/proc"))) {
            for (Path dir : (Iterable<Path>) dirs::iterator) {
                String name = dir.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                try {
                    String title = new String(Files.readAllBytes(dir.resolve("cmdline")), StandardCharsets.UTF_8);
                    if (title.startsWith("postgres:") && title.contains(" " + database + " ")) {
                        postgres += Math.max(0, ticks(Long.parseLong(name)));
                    }
                } catch (IOException | RuntimeException gone) {
                    // the process ended
                }
            }
        } catch (IOException e) {
            postgres = -1;
        }
        long machine;
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            machine = Long.parseLong(f[1]) + Long.parseLong(f[2]) + Long.parseLong(f[3]) + Long.parseLong(f[6])
                    + Long.parseLong(f[7]) + Long.parseLong(f[8]);
        } catch (IOException | RuntimeException e) {
            machine = -1;
        }
        return new Cpu(server, postgres, client, machine);
    }

    static long ticks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    Cpu minus(Cpu o) {
        return new Cpu(diff(server, o.server), diff(postgres, o.postgres), diff(client, o.client), diff(machine, o.machine));
    }

    Cpu plus(Cpu o) {
        return new Cpu(sum(server, o.server), sum(postgres, o.postgres), sum(client, o.client), sum(machine, o.machine));
    }

    static long diff(long a, long b) {
        return a < 0 || b < 0 ? -1 : a - b;
    }

    static long sum(long a, long b) {
        return a < 0 || b < 0 ? -1 : a + b;
    }

    String describe(double seconds) {
        long rest = machine < 0 || postgres < 0 || client < 0 ? -1
                : machine - Math.max(0, server) - postgres - client;
        return "server " + cores(server, seconds) + ", postgres " + cores(postgres, seconds) + ", client "
                + cores(client, seconds) + ", rest " + cores(rest, seconds) + " (machine " + cores(machine, seconds) + ")";
    }

    static String cores(long ticks, double seconds) {
        return ticks < 0 ? "?" : String.format(Locale.ROOT, "%.2f", ticks / TICKS / seconds);
    }
}
