variable "name" {
  description = "Prefix of every resource name, e.g. openmineral."
  type        = string
  default     = "openmineral"
}

variable "environment" {
  description = "Environment name (dev, staging, prod); part of names and tags."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9]{1,9}$", var.environment))
    error_message = "environment must be 2-10 lower-case letters or digits (it is part of storage account and Key Vault names)."
  }
}

variable "location" {
  description = "Azure region, e.g. westeurope."
  type        = string
}

variable "tags" {
  description = "Tags added to every resource."
  type        = map(string)
  default     = {}
}

# --- network ---------------------------------------------------------------------------------

variable "vnet_cidr" {
  description = "Address space of the virtual network."
  type        = string
  default     = "10.50.0.0/16"
}

# --- Kubernetes (AKS) ------------------------------------------------------------------------

variable "kubernetes_version" {
  description = "Kubernetes version of AKS (null: the region's default)."
  type        = string
  default     = null
}

variable "node_vm_size" {
  description = "VM size of the default node pool."
  type        = string
  default     = "Standard_D4s_v5"
}

variable "node_min_count" {
  description = "Minimum number of nodes (cluster autoscaler)."
  type        = number
  default     = 3
}

variable "node_max_count" {
  description = "Maximum number of nodes (cluster autoscaler)."
  type        = number
  default     = 6
}

variable "availability_zones" {
  description = "Zones for the node pool and the database standby (empty: no zones)."
  type        = list(string)
  default     = ["1", "2", "3"]
}

variable "app_namespace" {
  description = "Kubernetes namespace of the OpenMineral pods (deploy/k8s)."
  type        = string
  default     = "openmineral"
}

variable "app_service_account" {
  description = "Kubernetes service account of the OpenMineral pods (deploy/k8s)."
  type        = string
  default     = "openmineral"
}

# --- PostgreSQL Flexible Server --------------------------------------------------------------

variable "postgres_version" {
  description = "PostgreSQL major version."
  type        = string
  default     = "17"
}

variable "postgres_sku" {
  description = "SKU of the flexible server, e.g. GP_Standard_D2ds_v5 or B_Standard_B1ms (dev)."
  type        = string
  default     = "GP_Standard_D2ds_v5"
}

variable "postgres_storage_mb" {
  description = "Storage of the flexible server in MB."
  type        = number
  default     = 65536
}

variable "postgres_backup_retention_days" {
  description = "Days of backups (7-35)."
  type        = number
  default     = 14
}

variable "postgres_high_availability" {
  description = "Zone-redundant standby (needs a General Purpose or Memory Optimized SKU)."
  type        = bool
  default     = true
}

# --- Redis -----------------------------------------------------------------------------------

variable "redis_sku" {
  description = "Azure Cache for Redis SKU: Basic, Standard (replicated) or Premium."
  type        = string
  default     = "Standard"
}

variable "redis_family" {
  description = "Redis family: C (Basic/Standard) or P (Premium)."
  type        = string
  default     = "C"
}

variable "redis_capacity" {
  description = "Redis size within the family (C1 = 1 GB)."
  type        = number
  default     = 1
}

# --- Key Vault -------------------------------------------------------------------------------

variable "key_vault_admin_object_ids" {
  description = "Entra ID object IDs (people, CI) allowed to manage the Key Vault's secrets."
  type        = list(string)
  default     = []
}

variable "key_vault_purge_protection" {
  description = "Keep deleted secrets recoverable for the retention period (cannot be turned off again)."
  type        = bool
  default     = true
}
