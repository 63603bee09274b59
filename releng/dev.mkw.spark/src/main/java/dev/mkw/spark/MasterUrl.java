package dev.mkw.spark;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.mkw.cli.CliException;

/**
 * A Spark master URL, checked before Spark is started, so a typo is one line and exit code 2
 * rather than a stack trace from deep inside SparkContext. The forms are those Spark 4.2
 * accepts (SparkContext.createTaskScheduler, "Master URLs" in Spark's submitting-applications
 * guide): {@code local}, {@code local[N|*]}, {@code local[N|*,F]} (F tries per task),
 * {@code local-cluster[W,C,M]}, {@code spark://HOST:PORT[,HOST:PORT...]}, {@code yarn},
 * {@code k8s://[https://]HOST[:PORT]}. Spark 4 has no Mesos.
 */
final class MasterUrl {
    private static final Pattern LOCAL = Pattern.compile("local(\\[\\s*([0-9]+|\\*)\\s*(,\\s*([0-9]+)\\s*)?\\])?");
    private static final Pattern LOCAL_CLUSTER = Pattern.compile("local-cluster\\[\\s*[0-9]+\\s*,\\s*[0-9]+\\s*,\\s*[0-9]+\\s*\\]");
    private static final Pattern HOST_PORT = Pattern.compile("([A-Za-z0-9._-]+|\\[[0-9A-Fa-f:.]+\\]):([0-9]{1,5})");
    private static final Pattern K8S = Pattern.compile("k8s://((https?)://)?[A-Za-z0-9._-]+(:[0-9]{1,5})?(/.*)?");

    /** What kind of cluster a URL names. */
    enum Kind { LOCAL, STANDALONE, YARN, KUBERNETES }

    private MasterUrl() {}

    /** The kind of {@code url}, or a one-line refusal that shows the accepted forms. */
    static Kind check(String url) throws CliException {
        String u = url.trim();
        Matcher local = LOCAL.matcher(u);
        if (local.matches()) {
            if ("0".equals(local.group(2))) throw bad(url, "local[0] has no threads to run on");
            return Kind.LOCAL;
        }
        if (LOCAL_CLUSTER.matcher(u).matches()) return Kind.LOCAL;
        if (u.startsWith("spark://")) {
            String rest = u.substring("spark://".length());
            for (String hostPort : rest.split(",", -1)) {
                Matcher m = HOST_PORT.matcher(hostPort.trim());
                if (!m.matches() || Integer.parseInt(m.group(2)) < 1 || Integer.parseInt(m.group(2)) > 65535) {
                    throw bad(url, "a standalone master is spark://HOST:PORT (e.g. spark://lab1:7077), several separated by commas");
                }
            }
            return Kind.STANDALONE;
        }
        if (u.equals("yarn")) return Kind.YARN;
        if (K8S.matcher(u).matches()) return Kind.KUBERNETES;
        if (u.toLowerCase(Locale.ROOT).startsWith("mesos://")) throw bad(url, "Spark 4 no longer supports Mesos");
        throw bad(url, "expected local, local[N], local[*], local[N,F], spark://HOST:PORT, yarn or k8s://HOST:PORT");
    }

    private static CliException bad(String url, String why) {
        return new CliException("bad Spark master URL '" + url + "': " + why);
    }
}
