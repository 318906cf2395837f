output "aks_cluster_name" {
  description = "az aks get-credentials -g <resource_group_name> -n <this>"
  value       = module.platform.aks_cluster_name
}

output "resource_group_name" {
  description = "Resource group of the environment."
  value       = module.platform.resource_group_name
}

output "jdbc_url" {
  description = "SPRING_DATASOURCE_URL for deploy/k8s/configmap.yaml."
  value       = module.platform.jdbc_url
}

output "redis_hostname" {
  description = "SPRING_DATA_REDIS_HOST for deploy/k8s/configmap.yaml (port: redis_ssl_port)."
  value       = module.platform.redis_hostname
}

output "redis_ssl_port" {
  description = "SPRING_DATA_REDIS_PORT."
  value       = module.platform.redis_ssl_port
}

output "key_vault_name" {
  description = "Key Vault with db-password and redis-password."
  value       = module.platform.key_vault_name
}

output "workload_identity_client_id" {
  description = "Annotate the openmineral service account with azure.workload.identity/client-id."
  value       = module.platform.workload_identity_client_id
}
