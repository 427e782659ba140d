package dev.lapse.demo.bus;

/** Published when a customer places an order. */
public record OrderPlaced(String customer, int amountCents) {}
