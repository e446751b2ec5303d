// Gin (Debian's golang-github-gin-gonic-gin-dev) with binding tags (go-playground/validator), answering
// the way Gin's README does: `c.JSON(http.StatusBadRequest, gin.H{"error": err.Error()})`.
package main

import (
	"net/http"
	"os"

	"github.com/gin-gonic/gin"
)

type Address struct {
	City string `json:"city" binding:"required"`
}

type Item struct {
	Qty int `json:"qty" binding:"min=1"`
}

type User struct {
	Name    string   `json:"name" binding:"required"`
	Email   string   `json:"email" binding:"required,email"`
	Address *Address `json:"address" binding:"required"`
	Items   []Item   `json:"items" binding:"omitempty,dive"`
}

func main() {
	gin.SetMode(gin.ReleaseMode)
	r := gin.New()
	r.POST("/users", func(c *gin.Context) {
		var user User
		if err := c.ShouldBindJSON(&user); err != nil {
			c.JSON(http.StatusBadRequest, gin.H{"error": err.Error()})
			return
		}
		c.JSON(http.StatusCreated, user)
	})
	r.GET("/users/:id", func(c *gin.Context) {
		c.JSON(http.StatusNotFound, gin.H{"error": "user not found"})
	})
	r.Run("127.0.0.1:" + os.Getenv("PORT"))
}
