package dev.lapse.agent.report.model;

/**
 * The listener registered.
 *
 * @param className its class name, a lambda's without the JVM's counter ({@code com.acme.View$$Lambda})
 * @param display as people read it: {@code lambda or method reference in View.<init> (View.java:42)}
 */
public record Listener(String className, String display) {}
