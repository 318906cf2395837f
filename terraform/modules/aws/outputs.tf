output "vpc_id" {
  description = "ID of the VPC."
  value       = aws_vpc.main.id
}

output "private_subnet_ids" {
  description = "Private subnets (nodes, database, cache)."
  value       = aws_subnet.private[*].id
}

output "eks_cluster_name" {
  description = "Name of the EKS cluster (aws eks update-kubeconfig --name ...)."
  value       = aws_eks_cluster.main.name
}

output "eks_cluster_endpoint" {
  description = "API endpoint of the EKS cluster."
  value       = aws_eks_cluster.main.endpoint
}

output "db_address" {
  description = "Host name of the PostgreSQL instance."
  value       = aws_db_instance.main.address
}

output "db_port" {
  description = "Port of the PostgreSQL instance."
  value       = aws_db_instance.main.port
}

output "jdbc_url" {
  description = "SPRING_DATASOURCE_URL for the application (deploy/k8s/configmap.yaml)."
  value       = "jdbc:postgresql://${aws_db_instance.main.address}:${aws_db_instance.main.port}/${aws_db_instance.main.db_name}?sslmode=require"
}

output "db_master_secret_arn" {
  description = "Secrets Manager secret (managed by RDS) with the database user name and password."
  value       = aws_db_instance.main.master_user_secret[0].secret_arn
}

output "redis_primary_endpoint" {
  description = "Primary endpoint of the Redis replication group (TLS on 6379)."
  value       = aws_elasticache_replication_group.main.primary_endpoint_address
}

output "redis_secret_arn" {
  description = "Secrets Manager secret with the Redis host, port and AUTH token."
  value       = aws_secretsmanager_secret.redis.arn
}

output "camunda_client_secret_arn" {
  description = "Secrets Manager secret to fill with the Camunda OIDC client secret."
  value       = aws_secretsmanager_secret.camunda_client.arn
}

output "documents_bucket" {
  description = "Name of the S3 bucket for documents."
  value       = aws_s3_bucket.documents.bucket
}

output "app_role_arn" {
  description = "IAM role the OpenMineral pods get through EKS Pod Identity."
  value       = aws_iam_role.app.arn
}

output "kms_key_arn" {
  description = "KMS key encrypting documents, secrets and EKS secrets."
  value       = aws_kms_key.main.arn
}
