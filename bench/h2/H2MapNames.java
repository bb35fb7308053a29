import java.sql.Connection;
import java.sql.DriverManager;
import java.util.HashMap;
import java.util.Map;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.h2.schema.Schema;

/**
 * Prints, for each map of an H2 database file, its id (hex, as MVStoreTool's dump names it) and what it stores:
 * "table.N" and "index.N" resolved to the table and index names of the schema. Used by commit-anatomy.sh.
 *
 * usage: java -cp h2.jar H2MapNames.java PATH_WITHOUT_.mv.db USER PASSWORD   (the file is opened read-only)
 */
public class H2MapNames {
    public static void main(String[] args) throws Exception {
        Map<String, String> objects = new HashMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + args[0] + ";ACCESS_MODE_DATA=r", args[1], args[2])) {
            SessionLocal session = (SessionLocal) ((JdbcConnection) c).getSession();
            Schema schema = session.getDatabase().getMainSchema();
            for (var table : schema.getAllTablesAndViews(session)) {
                objects.put("table." + table.getId(), table.getName());
            }
            for (var index : schema.getAllIndexes()) {
                objects.put("index." + index.getId(), index.getTable().getName() + "." + index.getName());
            }
        }
        MVStore store = new MVStore.Builder().fileName(args[0] + ".mv.db").readOnly().open();
        try {
            for (String name : store.getMapNames()) {
                String id = store.getMetaMap().get("name." + name);
                if (id != null) {
                    System.out.println(id + " " + name + " " + objects.getOrDefault(name, "-"));
                }
            }
        } finally {
            store.close();
        }
    }
}
