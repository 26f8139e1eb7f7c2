package dev.scangate.local.commands.port;

import java.util.List;
import java.util.Map;

/**
 * Reads the approval table generically: its item layout belongs to the approval API, so the
 * commands only look at a few well-known attribute names.
 */
public interface ApprovalRecords {

    /** Every item, with its scalar attributes (strings, numbers, booleans) as text. */
    List<Map<String, String>> scanAll(String tableName);
}
