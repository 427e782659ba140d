package dev.lapse.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.tools.attach.VirtualMachine;
import dev.lapse.it.scenario.Configurable;
import dev.lapse.it.scenario.LongRunning;
import dev.lapse.it.support.ForkedJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;

/** The MBean through a JMX connector on loopback, and the JFR event read back from a recording. */
class ControlIT {
    @Test
    void mbean_counts_reports_and_stops() throws Exception {
        Path dir = Files.createTempDirectory("lapse-jmx-");
        try (ForkedJvm.Running app = ForkedJvm.main(LongRunning.class).start()) {
            app.await("ready");
            app.send("leak").await("done leak");
            VirtualMachine vm = VirtualMachine.attach(Long.toString(app.pid()));
            try (JMXConnector c = JMXConnectorFactory.connect(new JMXServiceURL(vm.startLocalManagementAgent()))) {
                MBeanServerConnection server = c.getMBeanServerConnection();
                ObjectName lapse = new ObjectName("dev.lapse:type=Lapse");
                for (int i = 0; i < 200 && !server.isRegistered(lapse); i++) {
                    Thread.sleep(50); // the agent registers its MBean a moment after it starts
                }
                assertEquals(1L, server.getAttribute(lapse, "RegistrationsSeen"));
                assertEquals(1L, server.getAttribute(lapse, "EndOfLifeSignals"));
                assertEquals("launch", server.getAttribute(lapse, "Mode"));
                String result = (String) server.invoke(
                        lapse, "writeReportTo", new Object[] {dir.toString()}, new String[] {String.class.getName()});
                assertTrue(result.startsWith("1 lapsed listener in 1 group"), result);
                assertTrue(Files.isRegularFile(dir.resolve("lapse-report.json")));
                assertTrue(((String) server.getAttribute(lapse, "LastSummary")).startsWith("1 lapsed listener"));
                server.invoke(lapse, "stop", new Object[0], new String[0]);
                assertTrue(!server.isRegistered(lapse), "a stopped agent leaves no MBean");
            } finally {
                vm.detach();
            }
            app.send("quit").await("bye");
        }
    }

    @Test
    void each_finding_group_is_a_jfr_event() throws Exception {
        Path recording = Files.createTempDirectory("lapse-jfr-").resolve("run.jfr");
        ForkedJvm.Result r = ForkedJvm.main(Configurable.class)
                .jvmArg("-XX:StartFlightRecording=filename=" + recording + ",settings=default,dumponexit=true")
                .run()
                .assertSuccess();
        List<RecordedEvent> events = RecordingFile.readAllEvents(recording).stream()
                .filter(e -> e.getEventType().getName().equals("dev.lapse.LapsedListener"))
                .collect(Collectors.toList());
        List<String> owners = events.stream()
                .map(e -> e.getString("ownerClass"))
                .distinct()
                .sorted()
                .collect(Collectors.toList());
        assertEquals(
                List.of(
                        "dev.lapse.it.scenario.Configurable$JakartaBean",
                        "dev.lapse.it.scenario.Configurable$JavaxBean",
                        "dev.lapse.it.scenario.Configurable$Tab"),
                owners,
                r.stderr);
        RecordedEvent tab = events.stream()
                .filter(e -> e.getString("ownerClass").endsWith("$Tab"))
                .findFirst()
                .orElseThrow();
        assertEquals("explicit", tab.getString("signal"));
        assertEquals(1L, tab.getLong("count"));
        assertEquals("dev.lapse.it.scenario.Subjects$Model#addChangeListener", tab.getString("registrationMethod"));
        assertTrue(tab.getString("registrationSite").contains("Configurable"), tab.getString("registrationSite"));
        assertEquals("Lapse", tab.getEventType().getCategoryNames().get(0));
    }
}
