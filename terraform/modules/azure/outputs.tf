output "resource_group_name" {
  description = "Resource group holding everything."
  value       = azurerm_resource_group.main.name
}

output "aks_cluster_name" {
  description = "Name of the AKS cluster (az aks get-credentials -g ... -n ...)."
  value       = azurerm_kubernetes_cluster.main.name
}

output "aks_oidc_issuer_url" {
  description = "OIDC issuer of the AKS cluster (workload identity)."
  value       = azurerm_kubernetes_cluster.main.oidc_issuer_url
}

output "postgres_fqdn" {
  description = "Private host name of the PostgreSQL flexible server."
  value       = azurerm_postgresql_flexible_server.main.fqdn
}

output "jdbc_url" {
  description = "SPRING_DATASOURCE_URL for the application (deploy/k8s/configmap.yaml)."
  value       = "jdbc:postgresql://${azurerm_postgresql_flexible_server.main.fqdn}:5432/${azurerm_postgresql_flexible_server_database.openmineral.name}?sslmode=require"
}

output "redis_hostname" {
  description = "Host name of the Redis cache (TLS port in redis_ssl_port)."
  value       = azurerm_redis_cache.main.hostname
}

output "redis_ssl_port" {
  description = "TLS port of the Redis cache."
  value       = azurerm_redis_cache.main.ssl_port
}

output "key_vault_name" {
  description = "Key Vault holding db-password and redis-password (add camunda-client-secret by hand)."
  value       = azurerm_key_vault.main.name
}

output "key_vault_uri" {
  description = "URI of the Key Vault."
  value       = azurerm_key_vault.main.vault_uri
}

output "documents_storage_account" {
  description = "Storage account of the documents container."
  value       = azurerm_storage_account.documents.name
}

output "workload_identity_client_id" {
  description = "Client ID to annotate the openmineral service account with (azure.workload.identity/client-id)."
  value       = azurerm_user_assigned_identity.app.client_id
}
