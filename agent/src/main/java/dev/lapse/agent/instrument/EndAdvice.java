package dev.lapse.agent.instrument;

import dev.lapse.agent.bootstrap.LapseHook;
import net.bytebuddy.asm.Advice;

/** Inlined into lifecycle-ending methods: one call into the hook when the method returns normally. */
final class EndAdvice {
    private EndAdvice() {}

    @Advice.OnMethodExit(suppress = Throwable.class)
    static void exit(@ApiId int methodId, @Advice.This Object self) {
        LapseHook.ended(methodId, self);
    }
}
