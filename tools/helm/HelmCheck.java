import com.marcnuri.helm.DryRun;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.InstallCommand;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Real Helm (its Go library, through helm-java) without a cluster, run by tools/helm/helm.sh.
 * Several commands, separated by "::", run in one JVM:
 *
 *   lint <chart> <out>                                   strict lint; its messages into <out>
 *   template <chart> <release> <namespace> <kube-version> <out> [values.yaml ...]
 *   notes <chart> <release> <namespace> <kube-version> <out> [values.yaml ...]
 *                                                        a client-only install dry run's output
 *
 * Exits 1 when a lint fails or a chart does not render; the others still run.
 */
public final class HelmCheck {
  public static void main(String[] args) throws Exception {
    boolean failed = false;
    for (List<String> command : split(args)) {
      try {
        failed |= !run(command);
      } catch (IllegalStateException | IllegalArgumentException error) {
        System.err.println(String.join(" ", command) + ": " + error.getMessage());
        failed = true;
      }
    }
    System.exit(failed ? 1 : 0);
  }

  private static boolean run(List<String> command) throws Exception {
    String[] a = command.toArray(String[]::new);
    if (a.length == 3 && a[0].equals("lint")) {
      LintResult result = new Helm(Path.of(a[1])).lint().strict().call();
      Files.writeString(Path.of(a[2]), String.join("\n", result.getMessages()) + "\n");
      if (result.isFailed()) System.err.println("lint failed: " + a[1]);
      return !result.isFailed();
    }
    if (a.length >= 6 && a[0].equals("template")) {
      TemplateCommand template =
          new Helm(Path.of(a[1])).template().withName(a[2]).withNamespace(a[3]).withKubeVersion(a[4]);
      for (String values : Arrays.copyOfRange(a, 6, a.length)) {
        template = template.withValuesFile(Path.of(values));
      }
      Files.writeString(Path.of(a[5]), template.call());
      return true;
    }
    if (a.length >= 6 && a[0].equals("notes")) {
      InstallCommand install =
          new Helm(Path.of(a[1]))
              .install()
              .withName(a[2])
              .withNamespace(a[3])
              .withKubeVersion(a[4])
              .withDryRunOption(DryRun.CLIENT)
              .clientOnly();
      for (String values : Arrays.copyOfRange(a, 6, a.length)) {
        install = install.withValuesFile(Path.of(values));
      }
      Files.writeString(Path.of(a[5]), install.call().getOutput());
      return true;
    }
    throw new IllegalArgumentException(
        "usage: lint <chart> <out> | template|notes <chart> <release> <namespace> <kube-version> <out> [values...]");
  }

  private static List<List<String>> split(String[] args) {
    List<List<String>> commands = new ArrayList<>();
    List<String> current = new ArrayList<>();
    for (String arg : args) {
      if (arg.equals("::")) {
        commands.add(current);
        current = new ArrayList<>();
      } else {
        current.add(arg);
      }
    }
    commands.add(current);
    return commands;
  }
}
