package dev.lapse.demo.bus;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** A small in-process event bus: handlers subscribe per event type. Lives as long as the application. */
public final class EventBus {
    private final Map<Class<?>, List<Consumer<Object>>> handlers = new ConcurrentHashMap<>();

    @SuppressWarnings("unchecked")
    public <E> void subscribe(Class<E> type, Consumer<? super E> handler) {
        handlers.computeIfAbsent(type, t -> new CopyOnWriteArrayList<>()).add((Consumer<Object>) handler);
    }

    public <E> void unsubscribe(Class<E> type, Consumer<? super E> handler) {
        List<Consumer<Object>> list = handlers.get(type);
        if (list != null) {
            list.remove(handler);
        }
    }

    public void publish(Object event) {
        for (Consumer<Object> h : handlers.getOrDefault(event.getClass(), List.of())) {
            h.accept(event);
        }
    }

    public int handlerCount() {
        return handlers.values().stream().mapToInt(List::size).sum();
    }
}
