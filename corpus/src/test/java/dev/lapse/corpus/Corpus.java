package dev.lapse.corpus;

import static dev.lapse.corpus.Shape.*;
import static dev.lapse.corpus.Status.FOUND;

import dev.lapse.agent.report.model.Fix;
import dev.lapse.agent.track.Signal;
import dev.lapse.corpus.configuration.CombinedClearDriver;
import dev.lapse.corpus.curator.PersistentWatcherDriver;
import dev.lapse.corpus.curator.SharedCountDriver;
import dev.lapse.corpus.hikari.HouseKeeperDriver;
import dev.lapse.corpus.micrometer.JvmGcMetricsDriver;
import dev.lapse.corpus.micrometer.TomcatMetricsDriver;
import dev.lapse.corpus.netty.ResolverGroupDriver;
import dev.lapse.corpus.pool.EvictionTimerDriver;
import dev.lapse.corpus.rxjava.RepeatWhenDriver;
import dev.lapse.corpus.vaadin.FeatureLayerDriver;
import dev.lapse.corpus.vertx.HttpClientDriver;
import dev.lapse.corpus.vertx.NetClientDriver;
import dev.lapse.corpus.xmemcached.ShutdownHookDriver;
import java.util.List;

/** The manifest: every case of the corpus, in the order of docs/corpus.md's table. */
final class Corpus {
    private Corpus() {}

    static final List<CorpusCase> CASES = List.of(
            new CorpusCase(
                    "curator-shared-count",
                    "Apache Curator",
                    "https://issues.apache.org/jira/browse/CURATOR-420",
                    "3.3.0",
                    "4.0.0",
                    false,
                    SharedCountDriver.class,
                    REMOVE_LEAVES_SECOND_STRUCTURE,
                    "dev.lapse.corpus.curator.SharedCountDriver$QuotaDisplay",
                    Signal.INEFFECTIVE_REMOVAL,
                    Fix.Kind.REMOVE_CALL,
                    FOUND,
                    null),
            new CorpusCase(
                    "rxjava-repeat-when",
                    "RxJava 2",
                    "https://github.com/ReactiveX/RxJava/issues/4782",
                    "2.0.0",
                    "2.0.1",
                    false,
                    RepeatWhenDriver.class,
                    DISPOSE_LEAVES_SUBSCRIBER,
                    "dev.lapse.corpus.rxjava.RepeatWhenDriver$StatusScreen",
                    Signal.INEFFECTIVE_REMOVAL,
                    Fix.Kind.CLOSE_HANDLE,
                    FOUND,
                    null),
            new CorpusCase(
                    "curator-persistent-watcher",
                    "Apache Curator",
                    "https://github.com/apache/curator/issues/1292",
                    "5.9.0",
                    null,
                    true,
                    PersistentWatcherDriver.class,
                    GENERIC_MANAGER,
                    "org.apache.curator.framework.recipes.watch.PersistentWatcher",
                    Signal.LIFECYCLE_END,
                    Fix.Kind.REMOVE_CALL,
                    FOUND,
                    null),
            new CorpusCase(
                    "vaadin-map-feature-layer",
                    "Vaadin Map",
                    "https://github.com/vaadin/flow-components/pull/8215",
                    "24.9.0",
                    "24.9.14",
                    false,
                    FeatureLayerDriver.class,
                    DETACHED_FROM_COLLECTION,
                    "com.vaadin.flow.component.map.configuration.source.VectorSource",
                    Signal.INEFFECTIVE_REMOVAL,
                    Fix.Kind.REMOVE_CALL,
                    FOUND,
                    null),
            new CorpusCase(
                    "vertx-http-client",
                    "Vert.x",
                    "https://github.com/eclipse-vertx/vert.x/issues/6268",
                    "5.1.5",
                    "5.1.6",
                    false,
                    HttpClientDriver.class,
                    UNNAMED_API,
                    "io.vertx.core.http.impl.HttpClientBuilderInternal$LegacyHttpClient",
                    Signal.LIFECYCLE_END,
                    Fix.Kind.REMOVE_CALL,
                    FOUND,
                    null),
            new CorpusCase(
                    "vertx-net-client",
                    "Vert.x",
                    "https://github.com/eclipse-vertx/vert.x/issues/6311",
                    "5.1.6",
                    "5.2.0",
                    false,
                    NetClientDriver.class,
                    UNNAMED_API,
                    "io.vertx.core.net.impl.tcp.NetClientImpl",
                    Signal.LIFECYCLE_END,
                    Fix.Kind.REMOVE_CALL,
                    FOUND,
                    null),
            new CorpusCase(
                    "micrometer-jvm-gc",
                    "Micrometer",
                    "https://github.com/micrometer-metrics/micrometer/issues/1349",
                    "1.1.3",
                    "1.1.4",
                    false,
                    JvmGcMetricsDriver.class,
                    JDK_SINGLETON,
                    "io.micrometer.core.instrument.binder.jvm.JvmGcMetrics",
                    Signal.LIFECYCLE_END,
                    Fix.Kind.REMOVE_CALL,
                    FOUND,
                    null),
            new CorpusCase(
                    "micrometer-tomcat",
                    "Micrometer",
                    "https://github.com/micrometer-metrics/micrometer/issues/1424",
                    "1.3.2",
                    "1.3.3",
                    false,
                    TomcatMetricsDriver.class,
                    JDK_SINGLETON,
                    "io.micrometer.core.instrument.binder.tomcat.TomcatMetrics",
                    Signal.LIFECYCLE_END,
                    Fix.Kind.REMOVE_CALL,
                    FOUND,
                    null),
            new CorpusCase(
                    "xmemcached-shutdown-hook",
                    "XMemcached",
                    "https://github.com/killme2008/xmemcached/issues/1",
                    "1.3.2",
                    "1.3.3",
                    false,
                    ShutdownHookDriver.class,
                    JDK_SINGLETON,
                    "net.rubyeye.xmemcached.XMemcachedClient",
                    Signal.LIFECYCLE_END,
                    Fix.Kind.REMOVE_CALL,
                    FOUND,
                    null,
                    List.of("net.rubyeye.xmemcached.impl.MemcachedConnector")),
            new CorpusCase(
                    "hikari-house-keeper",
                    "HikariCP",
                    "https://github.com/brettwooldridge/HikariCP/issues/795",
                    "2.5.1",
                    "2.6.0",
                    false,
                    HouseKeeperDriver.class,
                    SHARED_SCHEDULER,
                    "com.zaxxer.hikari.pool.HikariPool",
                    Signal.LIFECYCLE_END,
                    Fix.Kind.CLOSE_HANDLE,
                    FOUND,
                    null),
            new CorpusCase(
                    "commons-pool-eviction-timer",
                    "Apache Commons Pool",
                    "https://issues.apache.org/jira/browse/POOL-337",
                    "2.5.0",
                    "2.6.0",
                    false,
                    EvictionTimerDriver.class,
                    SHARED_SCHEDULER,
                    "org.apache.commons.pool2.impl.GenericObjectPool",
                    // the evictor is a TimerTask scheduled as a Runnable: its TimerTask#cancel() is no undo of
                    // that registration, so the closed pool's task is simply still scheduled
                    Signal.LIFECYCLE_END,
                    Fix.Kind.CLOSE_HANDLE,
                    FOUND,
                    null),
            new CorpusCase(
                    "netty-resolver-group",
                    "Netty",
                    "https://github.com/netty/netty/issues/10011",
                    "4.1.45.Final",
                    "4.1.46.Final",
                    false,
                    ResolverGroupDriver.class,
                    PENDING_FUTURE,
                    "dev.lapse.corpus.netty.ResolverGroupDriver$ClientResolverGroup",
                    Signal.LIFECYCLE_END,
                    Fix.Kind.REMOVE_CALL,
                    FOUND,
                    null),
            new CorpusCase(
                    "configuration-combined-clear",
                    "Apache Commons Configuration",
                    "https://issues.apache.org/jira/browse/CONFIGURATION-572",
                    "1.10",
                    // fixed in 2.0 only, a rewrite in another artifact and package: the control does what it does
                    null,
                    true,
                    CombinedClearDriver.class,
                    CLEARED_COLLECTION,
                    "org.apache.commons.configuration.CombinedConfiguration",
                    Signal.DETACHED_SUBJECT,
                    Fix.Kind.REMOVE_CALL,
                    FOUND,
                    null),
            new CorpusCase(
                    "configuration-combined-clear-unnamed",
                    "Apache Commons Configuration",
                    "https://issues.apache.org/jira/browse/CONFIGURATION-572",
                    "1.10",
                    null,
                    true,
                    CombinedClearDriver.Unnamed.class,
                    CLEARED_COLLECTION,
                    "org.apache.commons.configuration.CombinedConfiguration",
                    Signal.DETACHED_SUBJECT,
                    Fix.Kind.REMOVE_CALL,
                    FOUND,
                    null));
}
