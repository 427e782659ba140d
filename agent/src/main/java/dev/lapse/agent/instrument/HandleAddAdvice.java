package dev.lapse.agent.instrument;

import dev.lapse.agent.bootstrap.LapseHook;
import net.bytebuddy.asm.Advice;

/** Inlined into add-style methods that return a handle undoing the registration: {@link AddAdvice} plus the handle. */
final class HandleAddAdvice {
    private HandleAddAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static int[] enter() {
        return LapseHook.enter();
    }

    @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class)
    static void exit(
            @Advice.Enter int[] depth,
            @ApiId int apiId,
            @Advice.This(optional = true) Object self,
            @Advice.Origin Class<?> type,
            @ListenerArg Object listener,
            @Advice.Return Object handle,
            @Advice.Thrown Throwable thrown) {
        LapseHook.exitAdd(depth, apiId, self, type, listener, handle, thrown);
    }
}
