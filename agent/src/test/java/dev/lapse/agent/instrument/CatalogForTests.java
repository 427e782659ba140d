package dev.lapse.agent.instrument;

import java.util.List;

/** Registers catalog entries for tests in other packages. */
public final class CatalogForTests {
    private CatalogForTests() {}

    public static ApiMethod add(ApiCatalog c, String type, String name, String removeName) {
        return c.register(
                ApiMethod.Kind.ADD,
                type,
                name,
                List.of("java.lang.Runnable"),
                0,
                removeName,
                removeName == null ? null : List.of("java.lang.Runnable"),
                false,
                null,
                null);
    }

    public static ApiMethod remove(ApiCatalog c, String type, String name) {
        return c.register(
                ApiMethod.Kind.REMOVE,
                type,
                name,
                List.of("java.lang.Runnable"),
                0,
                name,
                List.of("java.lang.Runnable"),
                false,
                null,
                null);
    }

    public static ApiMethod end(ApiCatalog c, String type, String name) {
        return c.register(ApiMethod.Kind.END, type, name, List.of(), -1, null, null, false, null, null);
    }
}
