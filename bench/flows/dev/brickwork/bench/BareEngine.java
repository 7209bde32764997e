package dev.brickwork.bench;

import org.operaton.bpm.engine.ProcessEngine;
import org.operaton.bpm.engine.ProcessEngineConfiguration;
import org.operaton.bpm.engine.delegate.DelegateExecution;
import org.operaton.bpm.engine.delegate.JavaDelegate;
import org.operaton.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.operaton.bpm.engine.impl.persistence.StrongUuidGenerator;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The bare side: an Operaton engine of its own in this JVM, on the same database (its tables in schema
 * {@code bare_engine}, the server's in {@code operaton}), set up as the server sets its engine up where it matters for
 * speed (full history, UUID ids, job executor on, metrics off), running the very BPMN the server deployed. The
 * expressions Brickwork's BPMN calls are answered trivially: approvers from process variables, no record work.
 */
final class BareEngine implements AutoCloseable {

    /** The process variables naming the two approvers of one run. */
    static final String MANAGER = "bench_manager";
    static final String DIRECTOR = "bench_director";

    /** The bare engine's own schema: the server's engine tables (schema operaton) are in the same database. */
    static final String SCHEMA = "bare_engine";

    final ProcessEngine engine;
    final String processDefinitionId;

    BareEngine(Config config, String bpmn) {
        StandaloneProcessEngineConfiguration settings = new StandaloneProcessEngineConfiguration();
        settings.setProcessEngineName("bare-bench");
        createSchema(config);
        settings.setJdbcUrl(config.jdbcUrl + (config.jdbcUrl.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA);
        settings.setDatabaseSchema(SCHEMA);
        settings.setDatabaseTablePrefix(SCHEMA + ".");
        settings.setJdbcUsername(config.dbUser);
        settings.setJdbcPassword(config.dbPassword);
        settings.setJdbcDriver("org.postgresql.Driver");
        settings.setJdbcMaxActiveConnections(config.clients + 4);
        settings.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
        settings.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
        settings.setHistoryTimeToLive("P180D");
        settings.setIdGenerator(new StrongUuidGenerator());
        settings.setJobExecutorActivate(true);
        settings.setMetricsEnabled(false);
        settings.setDbMetricsReporterActivate(false);
        settings.setTaskMetricsEnabled(false);
        settings.setCmmnEnabled(false);
        settings.setDmnEnabled(false);
        settings.setAuthorizationEnabled(false);
        Map<Object, Object> beans = new HashMap<>();
        beans.put("brickwork", new Answers());
        JavaDelegate nothing = execution -> {
        };
        for (String name : List.of("brickworkNotify", "brickworkUpdate", "brickworkTimeout")) {
            beans.put(name, nothing);
        }
        settings.setBeans(beans);
        engine = settings.buildProcessEngine();
        String deployment = engine.getRepositoryService().createDeployment().name("deal_approval")
                .addString("deal_approval.bpmn", bpmn).deploy().getId();
        processDefinitionId = engine.getRepositoryService().createProcessDefinitionQuery().deploymentId(deployment)
                .singleResult().getId();
    }

    private static void createSchema(Config config) {
        try (Connection connection = DriverManager.getConnection(config.jdbcUrl, config.dbUser, config.dbPassword);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA IF NOT EXISTS " + SCHEMA);
        } catch (SQLException e) {
            throw new IllegalStateException("the bare engine's schema could not be created", e);
        }
    }

    @Override
    public void close() {
        engine.close();
    }

    /** What {@code ${brickwork.…}} resolves to on the bare side. */
    public static final class Answers {

        public boolean condition(DelegateExecution execution, String conditionId) {
            return false;
        }

        public List<String> approvers(DelegateExecution execution, String nodeKey) {
            return List.of((String) execution.getVariable("manager".equals(nodeKey) ? MANAGER : DIRECTOR));
        }

        public boolean rejected(DelegateExecution execution, String nodeKey) {
            return Boolean.TRUE.equals(execution.getVariable("rejected_" + nodeKey));
        }
    }
}
