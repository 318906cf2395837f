# --- PostgreSQL Flexible Server (private access through the delegated subnet) -----------------

resource "random_password" "postgres" {
  length  = 40
  special = false
}

resource "azurerm_postgresql_flexible_server" "main" {
  name                          = "psql-${local.prefix}"
  location                      = azurerm_resource_group.main.location
  resource_group_name           = azurerm_resource_group.main.name
  version                       = var.postgres_version
  sku_name                      = var.postgres_sku
  storage_mb                    = var.postgres_storage_mb
  auto_grow_enabled             = true
  backup_retention_days         = var.postgres_backup_retention_days
  geo_redundant_backup_enabled  = var.environment == "prod"
  delegated_subnet_id           = azurerm_subnet.postgres.id
  private_dns_zone_id           = azurerm_private_dns_zone.postgres.id
  public_network_access_enabled = false
  administrator_login           = "openmineral"
  # Generated here and kept in Key Vault; it is also in the (encrypted, remote) Terraform state.
  administrator_password = random_password.postgres.result
  zone                   = length(var.availability_zones) > 0 ? var.availability_zones[0] : null

  dynamic "high_availability" {
    for_each = var.postgres_high_availability && length(var.availability_zones) > 1 ? [1] : []
    content {
      mode                      = "ZoneRedundant"
      standby_availability_zone = var.availability_zones[1]
    }
  }

  tags = local.tags

  depends_on = [azurerm_private_dns_zone_virtual_network_link.postgres]
}

resource "azurerm_postgresql_flexible_server_database" "openmineral" {
  name      = "openmineral"
  server_id = azurerm_postgresql_flexible_server.main.id
  charset   = "UTF8"
  collation = "en_US.utf8"
}

resource "azurerm_postgresql_flexible_server_configuration" "require_tls" {
  name      = "require_secure_transport"
  server_id = azurerm_postgresql_flexible_server.main.id
  value     = "on"
}

# --- Azure Cache for Redis (TLS only) ----------------------------------------------------------
# Azure Cache for Redis runs Redis 6; the application needs nothing newer. Azure Managed Redis
# (Redis 7.4) is the successor once the provider version pinned here supports it well.
# Standard SKU has no VNet injection: access needs TLS and the access key; for production add a
# private endpoint and set public_network_access_enabled = false.

resource "azurerm_redis_cache" "main" {
  name                          = "redis-${local.prefix}-${random_string.suffix.result}"
  location                      = azurerm_resource_group.main.location
  resource_group_name           = azurerm_resource_group.main.name
  sku_name                      = var.redis_sku
  family                        = var.redis_family
  capacity                      = var.redis_capacity
  redis_version                 = "6"
  minimum_tls_version           = "1.2"
  non_ssl_port_enabled          = false
  public_network_access_enabled = true
  tags                          = local.tags

  redis_configuration {
    maxmemory_policy = "volatile-lru"
  }
}

# --- documents: storage account with a private container --------------------------------------

resource "azurerm_storage_account" "documents" {
  name                            = local.compact
  location                        = azurerm_resource_group.main.location
  resource_group_name             = azurerm_resource_group.main.name
  account_tier                    = "Standard"
  account_replication_type        = var.environment == "prod" ? "ZRS" : "LRS"
  min_tls_version                 = "TLS1_2"
  https_traffic_only_enabled      = true
  allow_nested_items_to_be_public = false
  shared_access_key_enabled       = false

  blob_properties {
    versioning_enabled = true
    delete_retention_policy {
      days = 30
    }
  }

  tags = local.tags
}

resource "azurerm_storage_container" "documents" {
  name                  = "documents"
  storage_account_id    = azurerm_storage_account.documents.id
  container_access_type = "private"
}

resource "azurerm_role_assignment" "app_documents" {
  scope                = azurerm_storage_account.documents.id
  role_definition_name = "Storage Blob Data Contributor"
  principal_id         = azurerm_user_assigned_identity.app.principal_id
}
