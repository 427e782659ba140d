package dev.lapse.agent.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class NamesTest {
    @Test
    void lambda_class_names_lose_the_jvms_counter_and_address() {
        assertEquals("com.acme.View$$Lambda", Names.stableClass("com.acme.View$$Lambda$14/0x0000000800c03000"));
        assertEquals("com.acme.View$$Lambda", Names.stableClass("com.acme.View$$Lambda/0x000001f2c8003a00"));
        assertEquals("com.acme.View$1", Names.stableClass("com.acme.View$1"));
    }

    @Test
    void names_read_as_source() {
        assertEquals("View.Handler", Names.source("com.acme.View$Handler"));
        assertEquals("View$1", Names.source("com.acme.View$1"));
        assertEquals("View.Inner$2", Names.source("com.acme.View$Inner$2"));
        assertEquals("Object[]", Names.source("[Ljava.lang.Object;"));
        assertEquals("int[][]", Names.source("[[I"));
        assertEquals("lambda in View", Names.source("com.acme.View$$Lambda/0x01"));
    }

    @Test
    void anonymous_classes_are_told_apart_from_member_classes() {
        assertTrue(Names.isAnonymous("com.acme.View$1"));
        assertFalse(Names.isAnonymous("com.acme.View$Handler"));
        assertFalse(Names.isAnonymous("com.acme.View$$Lambda/0x01"));
    }

    @Test
    void listeners_are_named_as_people_read_them() {
        StackTraceElement site = new StackTraceElement("com.acme.View", "<init>", "View.java", 42);
        assertEquals(
                "lambda or method reference in View.<init> (View.java:42)",
                Names.listener("com.acme.View$$Lambda/0x01", site));
        assertEquals("anonymous View$1", Names.listener("com.acme.View$1", site));
        assertEquals("inner class View.Handler", Names.listener("com.acme.View$Handler", site));
        assertEquals("View", Names.listener("com.acme.View", site));
    }

    @Test
    void application_frames_skip_the_jdk_and_lapse_api() {
        StackTraceElement jdk = new StackTraceElement("javax.swing.AbstractButton", "addActionListener", null, -1);
        StackTraceElement api = new StackTraceElement("dev.lapse.Lapse", "expectCollected", "Lapse.java", 30);
        StackTraceElement app = new StackTraceElement("com.acme.View", "open", "View.java", 7);
        assertEquals(List.of(app), Names.applicationFrames(List.of(jdk, api, app)));
        assertEquals(List.of(jdk), Names.applicationFrames(List.of(jdk)));
    }

    @Test
    void variables_are_named_after_the_class() {
        assertEquals("model", Names.variable("com.acme.App$Model"));
        assertEquals("taskRunner", Names.variable("com.acme.TaskRunner"));
    }

    @Test
    void a_registration_made_inside_a_library_is_told_by_its_code_base_and_names_the_applications_call() {
        StackTraceElement jdk = new StackTraceElement("java.lang.Thread", "run", null, -1);
        StackTraceElement library = new StackTraceElement("io.micrometer.core.Binder", "bindTo", "Binder.java", 9);
        StackTraceElement inner = new StackTraceElement("io.micrometer.core.Binder", "register", "Binder.java", 20);
        StackTraceElement call = new StackTraceElement("com.acme.app.Metrics", "start", "Metrics.java", 12);
        StackTraceElement main = new StackTraceElement("com.acme.App", "main", "App.java", 3);
        assertEquals(call, Names.libraryCall(List.of(inner, library, call, main, jdk)));
        // the application's own code, called back by a library it called: the application made the registration
        StackTraceElement framework = new StackTraceElement("org.springframework.Context", "refresh", null, -1);
        assertEquals(null, Names.libraryCall(List.of(call, framework, main)));
        assertEquals(null, Names.libraryCall(List.of(call, main, jdk)));
        // a library's own thread: no application frame to tell it by
        assertEquals(null, Names.libraryCall(List.of(library, jdk)));
    }

    @Test
    void code_bases_are_the_first_two_names_of_a_package() {
        assertTrue(Names.sameCodeBase("com.acme.ui.View", "com.acme.model.Model"));
        assertFalse(Names.sameCodeBase("com.acme.View", "io.vertx.core.Vertx"));
        assertTrue(Names.sameCodeBase("Main", "Other"));
        assertTrue(Names.sameCodeBase("acme.View", "acme.Model"));
    }
}
