package dev.lapse.agent.cli;

import com.sun.tools.attach.VirtualMachine;
import com.sun.tools.attach.VirtualMachineDescriptor;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** {@code list}: the local JVMs this user can attach to, and whether Lapse runs in each. */
final class ListCommand implements Command {
    /** A JVM that does not answer its attach listener in time is listed as unknown rather than waited for. */
    private static final long ANSWER_SECONDS = 5;

    @Override
    public String name() {
        return "list";
    }

    @Override
    public String usage() {
        return "list";
    }

    @Override
    public String summary() {
        return "list the local JVMs: pid, main class or jar, whether Lapse is loaded";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        if (!args.isEmpty()) {
            throw new CommandException("usage: " + usage());
        }
        if (!TargetVm.attachAvailable()) {
            throw TargetVm.noAttachModule();
        }
        long self = ProcessHandle.current().pid();
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("PID", "LAPSE", "MAIN"));
        for (VirtualMachineDescriptor d : VirtualMachine.list()) {
            if (d.id().equals(Long.toString(self))) {
                continue;
            }
            String main =
                    d.displayName().isBlank() ? "(unknown)" : d.displayName().split(" ", 2)[0];
            rows.add(List.of(d.id(), lapseState(d.id()), main));
        }
        for (String line : columns(rows)) {
            out.println(line);
        }
        return 0;
    }

    /** The rows as lines, each column as wide as its widest cell and two spaces apart; the last is not padded. */
    static List<String> columns(List<List<String>> rows) {
        int[] widths = new int[rows.get(0).size()];
        for (List<String> row : rows) {
            for (int c = 0; c < widths.length; c++) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        List<String> lines = new ArrayList<>();
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < widths.length; c++) {
                String cell = row.get(c);
                line.append(cell);
                if (c < widths.length - 1) {
                    line.append(" ".repeat(widths[c] - cell.length() + 2));
                }
            }
            lines.add(line.toString());
        }
        return lines;
    }

    private static String lapseState(String pid) {
        CompletableFuture<String> answer = CompletableFuture.supplyAsync(() -> {
            try (TargetVm target = TargetVm.attach(pid)) {
                Optional<String> version = target.lapseVersion();
                return version.isPresent() ? version.get() : "no";
            } catch (CommandException e) {
                return "?";
            }
        });
        try {
            return answer.get(ANSWER_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            answer.cancel(true);
            return "?";
        } catch (Exception e) {
            return "?";
        }
    }
}
