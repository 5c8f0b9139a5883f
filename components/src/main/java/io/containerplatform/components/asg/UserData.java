package io.containerplatform.components.asg;

/**
 * The boot script of the service's instances: installs Docker, logs in to ECR when the image is there, reads
 * the database credentials from Secrets Manager with the instance role (so no password is ever in user data,
 * config or state) into a root-only env file on tmpfs, and runs the container with its logs in CloudWatch.
 */
final class UserData {

    private UserData() {
    }

    /**
     * @param image     the container image
     * @param region    the AWS region
     * @param appPort   the port published on the instance
     * @param logGroup  the CloudWatch log group of the container
     * @param secretArn the database secret ARN, or empty without a database
     * @param dbHost    the database host, or empty
     * @param dbName    the database name, or empty
     */
    static String script(String image, String region, int appPort, String logGroup, String secretArn, String dbHost, String dbName) {
        var db = secretArn.isEmpty() ? "" : """
                # Database credentials: read at boot with the instance role, never written into user data.
                secret=$(aws secretsmanager get-secret-value --region "$REGION" --secret-id '%s' --query SecretString --output text)
                {
                  echo "DB_HOST=%s"
                  echo "DB_PORT=3306"
                  echo "DB_NAME=%s"
                  echo "DB_USER=$(jq -r .username <<<"$secret")"
                  echo "DB_PASSWORD=$(jq -r .password <<<"$secret")"
                } >> /run/app.env
                unset secret
                """.formatted(secretArn, dbHost, dbName);
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
                install -m 600 /dev/null /run/app.env
                %s
                docker run -d --name app --restart always -p %d:%d --env-file /run/app.env \\
                  --log-driver awslogs --log-opt awslogs-region="$REGION" --log-opt awslogs-group='%s' "$IMAGE"
                """.formatted(region, image, db, appPort, appPort, logGroup);
    }
}
