# Secrets the application reads. The database master password is managed by RDS in its own
# Secrets Manager secret (output db_master_secret_arn). The Redis AUTH token is generated here,
# so it is in the (encrypted, remote) Terraform state. The Camunda client secret is issued by the
# identity provider: Terraform creates the empty secret and an operator puts the value in.

resource "aws_secretsmanager_secret" "redis" {
  name                    = "${var.name}/${var.environment}/redis"
  description             = "Redis AUTH token of ${local.prefix}"
  kms_key_id              = aws_kms_key.main.arn
  recovery_window_in_days = 7
  tags                    = local.tags
}

resource "aws_secretsmanager_secret_version" "redis" {
  secret_id = aws_secretsmanager_secret.redis.id
  secret_string = jsonencode({
    host     = aws_elasticache_replication_group.main.primary_endpoint_address
    port     = 6379
    password = random_password.redis_auth.result
    ssl      = true
  })
}

resource "aws_secretsmanager_secret" "camunda_client" {
  name                    = "${var.name}/${var.environment}/camunda-client"
  description             = "OIDC client secret of the OpenMineral service account at the Camunda cluster (set by hand)"
  kms_key_id              = aws_kms_key.main.arn
  recovery_window_in_days = 7
  tags                    = local.tags
}

# --- the application's AWS identity (EKS Pod Identity) ----------------------------------------

data "aws_iam_policy_document" "app_assume" {
  statement {
    actions = ["sts:AssumeRole", "sts:TagSession"]
    principals {
      type        = "Service"
      identifiers = ["pods.eks.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "app" {
  name               = "${local.prefix}-app"
  assume_role_policy = data.aws_iam_policy_document.app_assume.json
  tags               = local.tags
}

data "aws_iam_policy_document" "app" {
  statement {
    sid       = "Documents"
    actions   = ["s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:GetObjectVersion"]
    resources = ["${aws_s3_bucket.documents.arn}/*"]
  }
  statement {
    sid       = "DocumentsList"
    actions   = ["s3:ListBucket"]
    resources = [aws_s3_bucket.documents.arn]
  }
  statement {
    sid     = "Secrets"
    actions = ["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"]
    resources = [
      aws_secretsmanager_secret.redis.arn,
      aws_secretsmanager_secret.camunda_client.arn,
      aws_db_instance.main.master_user_secret[0].secret_arn,
    ]
  }
  statement {
    sid       = "Kms"
    actions   = ["kms:Decrypt", "kms:GenerateDataKey"]
    resources = [aws_kms_key.main.arn]
  }
}

resource "aws_iam_role_policy" "app" {
  name   = "${local.prefix}-app"
  role   = aws_iam_role.app.id
  policy = data.aws_iam_policy_document.app.json
}

resource "aws_eks_pod_identity_association" "app" {
  cluster_name    = aws_eks_cluster.main.name
  namespace       = var.app_namespace
  service_account = var.app_service_account
  role_arn        = aws_iam_role.app.arn

  depends_on = [aws_eks_addon.pod_identity]
}
