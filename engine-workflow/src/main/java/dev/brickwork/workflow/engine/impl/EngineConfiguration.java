package dev.brickwork.workflow.engine.impl;

import dev.brickwork.workflow.engine.FlowHooks;
import org.operaton.bpm.engine.ProcessEngineConfiguration;
import org.operaton.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.operaton.bpm.engine.impl.persistence.StrongUuidGenerator;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The engine's configuration, written out setting by setting, so nothing comes from a file or a default we missed. */
final class EngineConfiguration {

    /** The bean names of {@code RuntimeContract}; the engine resolves no other. */
    static final String BRICKWORK = "brickwork";
    static final List<String> DELEGATES = List.of("brickworkNotify", "brickworkUpdate", "brickworkTimeout");

    private EngineConfiguration() {
    }

    static StandaloneProcessEngineConfiguration of(SchemaDataSource dataSource, String schema, boolean jobExecutor,
                                                   FlowHooks hooks) {
        StandaloneProcessEngineConfiguration config = new StandaloneProcessEngineConfiguration();
        // several engines may share a JVM (tests, two schemas); the engine registry is keyed by name
        config.setProcessEngineName("brickwork-" + schema + "-" + UUID.randomUUID());
        config.setDataSource(dataSource);
        config.setDatabaseType("postgres");
        config.setDatabaseSchema(schema);
        config.setDatabaseTablePrefix(schema + ".");
        config.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
        // ids without the id-block table: no second pooled connection per command, safe on several nodes
        config.setIdGenerator(new StrongUuidGenerator());
        config.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
        // uploaded BPMN may lack a time to live, which the engine would refuse
        config.setHistoryTimeToLive("P180D");
        config.setJobExecutorActivate(jobExecutor);
        config.setAuthorizationEnabled(false);
        config.setDbIdentityUsed(false);
        config.setCmmnEnabled(false);
        config.setDmnEnabled(false);
        config.setMetricsEnabled(false);
        config.setDbMetricsReporterActivate(false);
        config.setTaskMetricsEnabled(false);
        config.setEnableExpressionsInAdhocQueries(false);
        config.setEnableExpressionsInStoredQueries(false);
        config.setJavaSerializationFormatEnabled(false);
        scriptingOff(config);
        Map<Object, Object> beans = beans(hooks);
        config.setBeans(beans);
        config.setExpressionManager(new BrickworkExpressionManager(beans));
        config.setCustomPreBPMNParseListeners(List.of(new BrickworkParseListener(new TaskCreatedListener(hooks))));
        return config;
    }

    private static void scriptingOff(StandaloneProcessEngineConfiguration config) {
        config.setScriptEngineResolver(new NoScriptEngines());
        config.setResolverFactories(List.of());
        config.setEnvScriptResolvers(List.of());
        config.setEnableScriptCompilation(false);
        config.setEnableScriptEngineCaching(false);
        config.setEnableScriptEngineLoadExternalResources(false);
        config.setEnableFetchScriptEngineFromProcessApplication(false);
    }

    private static Map<Object, Object> beans(FlowHooks hooks) {
        Map<Object, Object> beans = new HashMap<>();
        beans.put(BRICKWORK, new BrickworkBean(hooks));
        ActivityDelegate activity = new ActivityDelegate(hooks);
        DELEGATES.forEach(name -> beans.put(name, activity));
        return Map.copyOf(beans);
    }
}
