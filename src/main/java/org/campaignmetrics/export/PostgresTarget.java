package org.campaignmetrics.export;

import java.util.Properties;
import java.util.regex.Pattern;

/**
 * Where to export: a {@code jdbc:postgresql:} URL without a password, the schema, and the driver
 * properties ({@code user}, {@code password}, {@code sslmode}, …). Its string form has no password.
 */
public record PostgresTarget(String url, String schema, Properties properties) {
  /** The only places a password comes from: this variable, or the properties file. */
  public static final String PASSWORD_ENV = "CAMPAIGN_METRICS_JDBC_PASSWORD";
  public static final String DEFAULT_SCHEMA = "campaign_metrics";
  // lower case and short enough for the _staging suffix within PostgreSQL's 63 characters
  private static final Pattern SCHEMA = Pattern.compile("[a-z_][a-z0-9_]{0,54}");
  // password, and sslpassword (the client key's passphrase)
  private static final Pattern PASSWORD_IN_URL = Pattern.compile("(?i)[?&;](ssl)?password=");

  public PostgresTarget {
    if (url == null || !url.startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException("not a PostgreSQL JDBC URL (jdbc:postgresql://HOST:PORT/DB): " + url);
    }
    if (PASSWORD_IN_URL.matcher(url).find()) {
      // not echoed: the URL holds the password
      throw new IllegalArgumentException("the JDBC URL carries a password; give it in " + PASSWORD_ENV
          + " or a properties file, never on the command line");
    }
    if (schema == null || !SCHEMA.matcher(schema).matches()) {
      throw new IllegalArgumentException("schema '" + schema + "' must be lower-case letters, digits and _, "
          + "not starting with a digit, at most 55 characters");
    }
    Properties copy = new Properties();
    copy.putAll(properties);
    properties = copy;
  }

  public String user() {
    return properties.getProperty("user");
  }

  @Override
  public Properties properties() {
    Properties copy = new Properties();
    copy.putAll(properties);
    return copy;
  }

  Properties connectionProperties() {
    Properties connection = properties();
    connection.putIfAbsent("ApplicationName", "campaign-metrics"); // names the export in pg_stat_activity
    return connection;
  }

  @Override
  public String toString() {
    return url + " schema " + schema + (user() != null ? " user " + user() : "");
  }

  /** The password for the driver; only for masking it in messages, never for printing. */
  String secret(String key) {
    return properties.getProperty(key);
  }
}
