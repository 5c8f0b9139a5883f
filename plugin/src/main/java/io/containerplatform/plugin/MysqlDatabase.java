package io.containerplatform.plugin;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import io.containerplatform.components.database.MysqlDatabaseArgs;

/**
 * {@link io.containerplatform.components.database.MysqlDatabase} for programs in any language: the same inputs
 * ({@link MysqlDatabaseArgs}), and where the database is and which secrets hold its credentials.
  * The schema's descriptions are the {@link Doc}s here and the library's input declarations.
 */
@Doc("A MySQL RDS instance in private subnets: encrypted, credentials managed in Secrets Manager, backups, enhanced monitoring.")
public final class MysqlDatabase extends ComponentResource {

    @Doc("The database's host name.")
    @Export(name = "address", refs = {String.class})
    private final Output<String> address;

    @Doc("The database's port.")
    @Export(name = "port", refs = {Integer.class})
    private final Output<Integer> port;

    @Doc("The database's security group.")
    @Export(name = "securityGroupId", refs = {String.class})
    private final Output<String> securityGroupId;

    @Doc("The RDS-managed secret of the master user.")
    @Export(name = "secretArn", refs = {String.class})
    private final Output<String> secretArn;

    @Doc("The secret the application's credentials are in.")
    @Export(name = "appCredentialsSecretArn", refs = {String.class})
    private final Output<String> appCredentialsSecretArn;

    public MysqlDatabase(String name, MysqlDatabaseArgs args, ComponentResourceOptions options) {
        super(App.PACKAGE + ":index:MysqlDatabase", name, Checked.options(args, options));
        var db = new io.containerplatform.components.database.MysqlDatabase(name, args,
                ComponentResourceOptions.builder().parent(this).build());
        address = db.address();
        port = db.port();
        securityGroupId = db.securityGroupId();
        secretArn = db.secretArn();
        appCredentialsSecretArn = db.appCredentialsSecretArn();
        registerOutputs(Exports.of(this));
    }
}
