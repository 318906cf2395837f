module "platform" {
  source = "../../modules/azure"

  environment                    = "dev"
  location                       = var.location
  vnet_cidr                      = "10.50.0.0/16"
  node_vm_size                   = "Standard_D4s_v5"
  node_min_count                 = 2
  node_max_count                 = 4
  postgres_sku                   = "B_Standard_B2s"
  postgres_storage_mb            = 32768
  postgres_backup_retention_days = 7
  postgres_high_availability     = false
  redis_sku                      = "Basic"
  redis_capacity                 = 0
  key_vault_admin_object_ids     = var.key_vault_admin_object_ids
  key_vault_purge_protection     = false

  tags = {
    cost-center = "openmineral-dev"
  }
}
