variable "name" {
  description = "Prefix of every resource name, e.g. openmineral."
  type        = string
  default     = "openmineral"
}

variable "environment" {
  description = "Environment name (dev, staging, prod); part of names and tags."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,15}$", var.environment))
    error_message = "environment must be 2-16 lower-case letters, digits or dashes."
  }
}

variable "tags" {
  description = "Tags added to every resource."
  type        = map(string)
  default     = {}
}

# --- network ---------------------------------------------------------------------------------

variable "vpc_cidr" {
  description = "CIDR block of the VPC."
  type        = string
  default     = "10.40.0.0/16"
}

variable "az_count" {
  description = "Number of availability zones to spread subnets, nodes and replicas over."
  type        = number
  default     = 3

  validation {
    condition     = var.az_count >= 2 && var.az_count <= 4
    error_message = "az_count must be between 2 and 4 (RDS and EKS need at least two zones)."
  }
}

variable "single_nat_gateway" {
  description = "One NAT gateway for all zones (cheaper, dev) instead of one per zone."
  type        = bool
  default     = false
}

# --- Kubernetes (EKS) ------------------------------------------------------------------------

variable "eks_version" {
  description = "Kubernetes version of the EKS control plane."
  type        = string
  default     = "1.33"
}

variable "eks_public_endpoint" {
  description = "Expose the EKS API endpoint publicly (restricted to eks_public_access_cidrs)."
  type        = bool
  default     = true
}

variable "eks_public_access_cidrs" {
  description = "CIDR blocks allowed to reach the public EKS API endpoint."
  type        = list(string)
  default     = []
}

variable "node_instance_types" {
  description = "EC2 instance types of the managed node group (Camunda brokers want 4+ GiB per broker)."
  type        = list(string)
  default     = ["m6i.xlarge"]
}

variable "node_min_size" {
  description = "Minimum number of worker nodes."
  type        = number
  default     = 3
}

variable "node_desired_size" {
  description = "Initial number of worker nodes."
  type        = number
  default     = 3
}

variable "node_max_size" {
  description = "Maximum number of worker nodes."
  type        = number
  default     = 6
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

# --- PostgreSQL (RDS) ------------------------------------------------------------------------

variable "db_engine_version" {
  description = "PostgreSQL major (or major.minor) version on RDS."
  type        = string
  default     = "17"
}

variable "db_instance_class" {
  description = "RDS instance class."
  type        = string
  default     = "db.m6g.large"
}

variable "db_allocated_storage" {
  description = "Initial storage of the database in GiB."
  type        = number
  default     = 50
}

variable "db_max_allocated_storage" {
  description = "Upper bound of storage autoscaling in GiB."
  type        = number
  default     = 500
}

variable "db_multi_az" {
  description = "Run a synchronous standby in a second availability zone."
  type        = bool
  default     = true
}

variable "db_backup_retention_days" {
  description = "Days of automated backups (point-in-time recovery window)."
  type        = number
  default     = 14
}

variable "db_deletion_protection" {
  description = "Refuse to delete the database (and take a final snapshot when it is deleted)."
  type        = bool
  default     = true
}

variable "db_performance_insights" {
  description = "Turn on Performance Insights (not available on the smallest instance classes)."
  type        = bool
  default     = true
}

# --- Redis (ElastiCache) ---------------------------------------------------------------------

variable "redis_engine_version" {
  description = "Redis OSS engine version on ElastiCache."
  type        = string
  default     = "7.1"
}

variable "redis_node_type" {
  description = "ElastiCache node type."
  type        = string
  default     = "cache.m7g.large"
}

variable "redis_replicas" {
  description = "Number of cache nodes (1 primary + replicas); 2 or more enables automatic failover."
  type        = number
  default     = 2
}

# --- documents -------------------------------------------------------------------------------

variable "documents_noncurrent_version_days" {
  description = "Days to keep overwritten or deleted versions of documents in the S3 bucket."
  type        = number
  default     = 365
}

variable "documents_force_destroy" {
  description = "Allow terraform destroy to delete a non-empty documents bucket (dev only)."
  type        = bool
  default     = false
}
