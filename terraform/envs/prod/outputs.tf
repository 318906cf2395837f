output "eks_cluster_name" {
  description = "aws eks update-kubeconfig --name <this>"
  value       = module.platform.eks_cluster_name
}

output "jdbc_url" {
  description = "SPRING_DATASOURCE_URL for deploy/k8s/configmap.yaml."
  value       = module.platform.jdbc_url
}

output "db_master_secret_arn" {
  description = "Database credentials (managed by RDS)."
  value       = module.platform.db_master_secret_arn
}

output "redis_primary_endpoint" {
  description = "SPRING_DATA_REDIS_HOST for deploy/k8s/configmap.yaml."
  value       = module.platform.redis_primary_endpoint
}

output "redis_secret_arn" {
  description = "Redis AUTH token."
  value       = module.platform.redis_secret_arn
}

output "camunda_client_secret_arn" {
  description = "Secret to fill with the Camunda OIDC client secret."
  value       = module.platform.camunda_client_secret_arn
}

output "documents_bucket" {
  description = "S3 bucket for documents."
  value       = module.platform.documents_bucket
}

output "app_role_arn" {
  description = "IAM role of the OpenMineral pods (EKS Pod Identity)."
  value       = module.platform.app_role_arn
}
