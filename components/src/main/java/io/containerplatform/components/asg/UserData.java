package io.containerplatform.components.asg;

/**
 * The boot script of the service's instances: installs Docker, logs in to ECR when the image is there, reads
 * the database credentials from Secrets Manager with the instance role (so no password is ever in user data,
 * config or state) into a root-only env file on tmpfs, and runs the container with its logs in CloudWatch.
 *
 * <p>Credentials rotate (RDS rotates its managed master secret every 7 days): a systemd timer reads the
 * secret again every 5 minutes (each instance at its own moment) and, when its current version changed,
 * recreates the container with the new credentials. The container also gets {@code DB_SECRET_ARN}, so an app
 * that reads the secret itself can do so when a connection is refused, without waiting for the timer.
 */
final class UserData {

    /** How often the instances look for a new version of the credentials. */
    static final int REFRESH_MINUTES = 5;

    private UserData() {
    }

    /**
     * @param image     the container image
     * @param region    the AWS region
     * @param appPort   the port published on the instance
     * @param logGroup  the CloudWatch log group of the container
     * @param environment plain environment variables of the container (values without line breaks)
     * @param secretArn the secret the app connects with, or empty without a database
     * @param dbHost    the database host, or empty
     * @param dbName    the database name, or empty
     */
    static String script(String image, String region, int appPort, String logGroup, java.util.Map<String, String> environment, String secretArn,
                         String dbHost, String dbName) {
        var start = """
                #!/bin/bash
                # (Re)creates the app's container with the current /run/app.env.
                set -euo pipefail
                docker rm -f app >/dev/null 2>&1 || true
                docker run -d --name app --restart always -p %d:%d --env-file /run/app.env \\
                  --log-driver awslogs --log-opt awslogs-region='%s' --log-opt awslogs-group='%s' '%s'
                """.formatted(appPort, appPort, region, logGroup, image);
        var db = secretArn.isEmpty() ? "" : """
                # Database credentials: read with the instance role, never written into user data; read again every
                # %d minutes, and a new version (a rotation) recreates the container with it.
                cat > /usr/local/bin/app-db-credentials <<'SCRIPT'
                #!/bin/bash
                set -euo pipefail
                secret=$(aws secretsmanager get-secret-value --region '%s' --secret-id '%s' --output json)
                version=$(jq -r .VersionId <<<"$secret")
                if [[ "$version" == "$(cat /run/app-db.version 2>/dev/null)" ]]; then exit 0; fi
                value=$(jq -r .SecretString <<<"$secret")
                install -m 600 /run/app.base.env /run/app.env.new
                {
                  echo "DB_HOST=%s"
                  echo "DB_PORT=3306"
                  echo "DB_NAME=%s"
                  echo "DB_SECRET_ARN=%s"
                  echo "DB_USER=$(jq -r .username <<<"$value")"
                  echo "DB_PASSWORD=$(jq -r .password <<<"$value")"
                } >> /run/app.env.new
                mv /run/app.env.new /run/app.env
                echo "$version" > /run/app-db.version
                if docker inspect app >/dev/null 2>&1; then /usr/local/bin/app-start; fi
                SCRIPT
                chmod 700 /usr/local/bin/app-db-credentials
                /usr/local/bin/app-db-credentials
                cat > /etc/systemd/system/app-db-credentials.service <<'UNIT'
                [Unit]
                Description=Recreate the app's container when its database credentials rotate
                [Service]
                Type=oneshot
                ExecStart=/usr/local/bin/app-db-credentials
                UNIT
                cat > /etc/systemd/system/app-db-credentials.timer <<'UNIT'
                [Unit]
                Description=Look for rotated database credentials every %d minutes
                [Timer]
                OnBootSec=%dmin
                OnUnitActiveSec=%dmin
                RandomizedDelaySec=60
                [Install]
                WantedBy=timers.target
                UNIT
                systemctl daemon-reload
                systemctl enable --now app-db-credentials.timer
                """.formatted(REFRESH_MINUTES, region, secretArn, dbHost, dbName, secretArn, REFRESH_MINUTES, REFRESH_MINUTES,
                REFRESH_MINUTES);
        return """
                #!/bin/bash
                set -euo pipefail
                REGION='%s'
                IMAGE='%s'
                dnf install -y docker jq
                systemctl enable --now docker
                registry="${IMAGE%%%%/*}"
                if [[ "$registry" == *.dkr.ecr.*.amazonaws.com ]]; then
                  aws ecr get-login-password --region "$REGION" | docker login --username AWS --password-stdin "$registry"
                fi
                install -m 600 /dev/null /run/app.base.env
                %s
                cat > /usr/local/bin/app-start <<'SCRIPT'
                %sSCRIPT
                chmod 700 /usr/local/bin/app-start
                %s
                /usr/local/bin/app-start
                """.formatted(region, image, baseEnvironment(environment), start, db);
    }

    /**
     * Appends the plain variables to {@code /run/app.base.env}, sorted, each {@code NAME=value} as docker's env files
     * want, and starts {@code /run/app.env} from it (an empty one without variables, as before they existed, so that
     * an instance's user data does not change).
     */
    private static String baseEnvironment(java.util.Map<String, String> environment) {
        if (environment.isEmpty()) {
            return "install -m 600 /dev/null /run/app.env";
        }
        var lines = new StringBuilder("cat >> /run/app.base.env <<'ENV'\n");
        new java.util.TreeMap<>(environment).forEach((name, value) -> lines.append(name).append('=').append(value).append('\n'));
        return lines.append("ENV\ninstall -m 600 /run/app.base.env /run/app.env").toString();
    }
}
