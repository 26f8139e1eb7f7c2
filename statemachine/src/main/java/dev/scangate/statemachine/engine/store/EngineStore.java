package dev.scangate.statemachine.engine.store;

import dev.scangate.statemachine.engine.ExecutionStatus;
import dev.scangate.statemachine.engine.HistoryEvent;
import dev.scangate.statemachine.engine.Json;
import dev.scangate.statemachine.engine.StateMachineInfo;
import dev.scangate.statemachine.engine.interpret.PendingEvent;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The engine's durable state in an embedded H2 database: state machines, executions (with their
 * cursor), history and callback tokens. Every transition is one transaction, so a killed process
 * restarts from the last completed state.
 */
public final class EngineStore implements AutoCloseable {

    private final Connection connection;

    private EngineStore(Connection connection) {
        this.connection = connection;
    }

    /** A store under {@code directory}, or in memory when it is null. */
    public static EngineStore open(Path directory) {
        String url = directory == null
                ? "jdbc:h2:mem:sfn-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1"
                : "jdbc:h2:file:" + directory.toAbsolutePath().resolve("stepfunctions") + ";DB_CLOSE_ON_EXIT=FALSE";
        try {
            Connection c = DriverManager.getConnection(url, "sa", "");
            c.setAutoCommit(false);
            EngineStore store = new EngineStore(c);
            store.createSchema();
            return store;
        } catch (SQLException e) {
            throw new StoreException("cannot open the Step Functions database at " + url + ": " + e.getMessage(), e);
        }
    }

    private void createSchema() throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS state_machines (arn VARCHAR(300) PRIMARY KEY, name VARCHAR(80),"
                    + " definition CLOB, role_arn VARCHAR(300), type VARCHAR(16), created BIGINT, updated BIGINT)");
            s.execute("CREATE TABLE IF NOT EXISTS executions (arn VARCHAR(400) PRIMARY KEY, seq BIGINT AUTO_INCREMENT,"
                    + " sm_arn VARCHAR(300), name VARCHAR(80), status VARCHAR(16), input CLOB, output CLOB,"
                    + " error VARCHAR(300), cause CLOB, start_ms BIGINT, stop_ms BIGINT, definition CLOB,"
                    + " role_arn VARCHAR(300), redrive_count INT, redrive_ms BIGINT, cursor CLOB, last_event BIGINT)");
            s.execute("CREATE INDEX IF NOT EXISTS executions_sm ON executions(sm_arn, seq)");
            s.execute("CREATE TABLE IF NOT EXISTS history (exec_arn VARCHAR(400), id BIGINT, prev_id BIGINT, ts BIGINT,"
                    + " type VARCHAR(64), details_key VARCHAR(64), details CLOB, PRIMARY KEY (exec_arn, id))");
            s.execute("CREATE TABLE IF NOT EXISTS tokens (hash VARCHAR(64) PRIMARY KEY, exec_arn VARCHAR(400),"
                    + " result_kind VARCHAR(16), output CLOB, error VARCHAR(300), cause CLOB, heartbeat_at BIGINT)");
            s.execute("CREATE INDEX IF NOT EXISTS tokens_exec ON tokens(exec_arn)");
        }
        connection.commit();
    }

    @FunctionalInterface
    private interface Work<T> {
        T run() throws SQLException;
    }

    private synchronized <T> T tx(Work<T> work) {
        try {
            T out = work.run();
            connection.commit();
            return out;
        } catch (SQLException e) {
            rollback();
            throw new StoreException("Step Functions database error: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            rollback();
            throw e;
        }
    }

    private void rollback() {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // the original failure is what matters to the caller
        }
    }

    // ---- state machines

    public void insertStateMachine(StateMachineInfo sm) {
        tx(() -> {
            try (PreparedStatement ps = connection.prepareStatement(
                    "INSERT INTO state_machines VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, sm.arn());
                ps.setString(2, sm.name());
                ps.setString(3, sm.definition());
                ps.setString(4, sm.roleArn());
                ps.setString(5, sm.type());
                ps.setLong(6, sm.creationDate().toEpochMilli());
                ps.setLong(7, sm.updateDate().toEpochMilli());
                return ps.executeUpdate();
            }
        });
    }

    public void updateStateMachine(StateMachineInfo sm) {
        tx(() -> {
            try (PreparedStatement ps = connection.prepareStatement(
                    "UPDATE state_machines SET definition = ?, role_arn = ?, updated = ? WHERE arn = ?")) {
                ps.setString(1, sm.definition());
                ps.setString(2, sm.roleArn());
                ps.setLong(3, sm.updateDate().toEpochMilli());
                ps.setString(4, sm.arn());
                return ps.executeUpdate();
            }
        });
    }

    public boolean deleteStateMachine(String arn) {
        return tx(() -> {
            try (PreparedStatement ps = connection.prepareStatement("DELETE FROM state_machines WHERE arn = ?")) {
                ps.setString(1, arn);
                return ps.executeUpdate() > 0;
            }
        });
    }

    public Optional<StateMachineInfo> findStateMachine(String arn) {
        List<StateMachineInfo> all = queryStateMachines("SELECT * FROM state_machines WHERE arn = ?", arn);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    public List<StateMachineInfo> listStateMachines() {
        return queryStateMachines("SELECT * FROM state_machines ORDER BY name", null);
    }

    private List<StateMachineInfo> queryStateMachines(String sql, String arg) {
        return tx(() -> {
            try (PreparedStatement ps = connection.prepareStatement(sql)) {
                if (arg != null) {
                    ps.setString(1, arg);
                }
                List<StateMachineInfo> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new StateMachineInfo(rs.getString("arn"), rs.getString("name"), rs.getString("definition"),
                                rs.getString("role_arn"), rs.getString("type"),
                                Instant.ofEpochMilli(rs.getLong("created")), Instant.ofEpochMilli(rs.getLong("updated"))));
                    }
                }
                return out;
            }
        });
    }

    // ---- executions

    public void insertExecution(ExecutionRow row, List<PendingEvent> events) {
        tx(() -> {
            try (PreparedStatement ps = connection.prepareStatement("INSERT INTO executions (arn, sm_arn, name, status,"
                    + " input, output, error, cause, start_ms, stop_ms, definition, role_arn, redrive_count, redrive_ms,"
                    + " cursor, last_event) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)")) {
                ps.setString(1, row.arn());
                ps.setString(2, row.stateMachineArn());
                ps.setString(3, row.name());
                ps.setString(4, row.status().name());
                ps.setString(5, row.input());
                ps.setString(6, row.output());
                ps.setString(7, row.error());
                ps.setString(8, row.cause());
                ps.setLong(9, row.startMillis());
                ps.setLong(10, row.stopMillis());
                ps.setString(11, row.definition());
                ps.setString(12, row.roleArn());
                ps.setInt(13, row.redriveCount());
                ps.setLong(14, row.redriveMillis());
                ps.setString(15, row.cursor());
                ps.executeUpdate();
            }
            appendEvents(row.arn(), events);
            return null;
        });
    }

    /** Saves an execution's new status and cursor with the events of the transition, atomically; returns the last event id. */
    public long saveProgress(ExecutionRow row, List<PendingEvent> events, List<String> tokensToClose) {
        return tx(() -> {
            try (PreparedStatement ps = connection.prepareStatement("UPDATE executions SET status = ?, output = ?,"
                    + " error = ?, cause = ?, stop_ms = ?, redrive_count = ?, redrive_ms = ?, cursor = ? WHERE arn = ?")) {
                ps.setString(1, row.status().name());
                ps.setString(2, row.output());
                ps.setString(3, row.error());
                ps.setString(4, row.cause());
                ps.setLong(5, row.stopMillis());
                ps.setInt(6, row.redriveCount());
                ps.setLong(7, row.redriveMillis());
                ps.setString(8, row.cursor());
                ps.setString(9, row.arn());
                ps.executeUpdate();
            }
            for (String hash : tokensToClose) {
                closeToken(hash);
            }
            return appendEvents(row.arn(), events);
        });
    }

    private long appendEvents(String arn, List<PendingEvent> events) throws SQLException {
        long last;
        try (PreparedStatement ps = connection.prepareStatement("SELECT last_event FROM executions WHERE arn = ?")) {
            ps.setString(1, arn);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                last = rs.getLong(1);
            }
        }
        if (events.isEmpty()) {
            return last;
        }
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO history VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            for (PendingEvent e : events) {
                ps.setString(1, arn);
                ps.setLong(2, last + 1);
                ps.setLong(3, last);
                ps.setLong(4, e.timestampMillis());
                ps.setString(5, e.type());
                ps.setString(6, e.detailsKey());
                ps.setString(7, e.details() == null ? null : Json.write(e.details()));
                ps.addBatch();
                last++;
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = connection.prepareStatement("UPDATE executions SET last_event = ? WHERE arn = ?")) {
            ps.setLong(1, last);
            ps.setString(2, arn);
            ps.executeUpdate();
        }
        return last;
    }

    public Optional<ExecutionRow> findExecution(String arn) {
        List<ExecutionRow> rows = queryExecutions("SELECT * FROM executions WHERE arn = ?", arn);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    /** Executions of a state machine, newest first. */
    public List<ExecutionRow> listExecutions(String stateMachineArn) {
        return queryExecutions("SELECT * FROM executions WHERE sm_arn = ? ORDER BY seq DESC", stateMachineArn);
    }

    public List<String> runningExecutionArns() {
        List<String> out = new ArrayList<>();
        for (ExecutionRow r : queryExecutions("SELECT * FROM executions WHERE status = 'RUNNING' ORDER BY seq", null)) {
            out.add(r.arn());
        }
        return out;
    }

    public long eventCount(String arn) {
        return tx(() -> {
            try (PreparedStatement ps = connection.prepareStatement("SELECT last_event FROM executions WHERE arn = ?")) {
                ps.setString(1, arn);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getLong(1) : 0L;
                }
            }
        });
    }

    private List<ExecutionRow> queryExecutions(String sql, String arg) {
        return tx(() -> {
            try (PreparedStatement ps = connection.prepareStatement(sql)) {
                if (arg != null) {
                    ps.setString(1, arg);
                }
                List<ExecutionRow> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new ExecutionRow(rs.getString("arn"), rs.getString("sm_arn"), rs.getString("name"),
                                ExecutionStatus.valueOf(rs.getString("status")), rs.getString("input"),
                                rs.getString("output"), rs.getString("error"), rs.getString("cause"),
                                rs.getLong("start_ms"), rs.getLong("stop_ms"), rs.getString("definition"),
                                rs.getString("role_arn"), rs.getInt("redrive_count"), rs.getLong("redrive_ms"),
                                rs.getString("cursor")));
                    }
                }
                return out;
            }
        });
    }

    public List<HistoryEvent> history(String arn) {
        return tx(() -> {
            try (PreparedStatement ps = connection.prepareStatement(
                    "SELECT * FROM history WHERE exec_arn = ? ORDER BY id")) {
                ps.setString(1, arn);
                List<HistoryEvent> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String details = rs.getString("details");
                        out.add(new HistoryEvent(rs.getLong("id"), rs.getLong("prev_id"),
                                Instant.ofEpochMilli(rs.getLong("ts")), rs.getString("type"), rs.getString("details_key"),
                                details == null ? null : (ObjectNode) Json.parse(details)));
                    }
                }
                return out;
            }
        });
    }

    // ---- tokens

    public void insertToken(String hash, String executionArn, long heartbeatAt) {
        tx(() -> {
            try (PreparedStatement ps = connection.prepareStatement(
                    "INSERT INTO tokens (hash, exec_arn, heartbeat_at) VALUES (?, ?, ?)")) {
                ps.setString(1, hash);
                ps.setString(2, executionArn);
                ps.setLong(3, heartbeatAt);
                return ps.executeUpdate();
            }
        });
    }

    public Optional<TokenRow> findToken(String hash) {
        return tx(() -> {
            try (PreparedStatement ps = connection.prepareStatement("SELECT * FROM tokens WHERE hash = ?")) {
                ps.setString(1, hash);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new TokenRow(rs.getString("hash"), rs.getString("exec_arn"),
                            rs.getString("result_kind"), rs.getString("output"), rs.getString("error"),
                            rs.getString("cause"), rs.getLong("heartbeat_at")));
                }
            }
        });
    }

    /** Records a callback's result once; false when the token was already used or closed. */
    public boolean completeToken(String hash, String kind, String output, String error, String cause) {
        return tx(() -> {
            try (PreparedStatement ps = connection.prepareStatement("UPDATE tokens SET result_kind = ?, output = ?,"
                    + " error = ?, cause = ? WHERE hash = ? AND result_kind IS NULL")) {
                ps.setString(1, kind);
                ps.setString(2, output);
                ps.setString(3, error);
                ps.setString(4, cause);
                ps.setString(5, hash);
                return ps.executeUpdate() == 1;
            }
        });
    }

    /** Moves an open token's heartbeat deadline; false when it is no longer open. */
    public boolean heartbeat(String hash, long heartbeatAt) {
        return tx(() -> {
            try (PreparedStatement ps = connection.prepareStatement(
                    "UPDATE tokens SET heartbeat_at = ? WHERE hash = ? AND result_kind IS NULL")) {
                ps.setLong(1, heartbeatAt);
                ps.setString(2, hash);
                return ps.executeUpdate() == 1;
            }
        });
    }

    /** Closes an open token (timeout, stop); false when a result got there first. */
    public boolean closeOpenToken(String hash) {
        return tx(() -> closeToken(hash));
    }

    private boolean closeToken(String hash) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "UPDATE tokens SET result_kind = 'CLOSED' WHERE hash = ? AND result_kind IS NULL")) {
            ps.setString(1, hash);
            return ps.executeUpdate() == 1;
        }
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new StoreException("cannot close the Step Functions database: " + e.getMessage(), e);
        }
    }
}
